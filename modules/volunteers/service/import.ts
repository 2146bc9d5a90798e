/**
 * A volunteers file (CSV or XLSX: name,phone,skills,community[,lon,lat,capacity,organisation,from,
 * to]) registering volunteers of communities within the caller's place: each row admitted by the
 * rules (rules/rows.ts), places and organisations checked in one query each, new volunteers created
 * (unverified) and known ones (same phone) updated, their windows added — one transaction with one
 * audit row. Rows that cannot be used come back with their line and reason; the rest is kept.
 * Importing the same file again changes nothing.
 */
import { type Db, sqlState } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isPlacePath, isWithin } from '@renxing/modules/places';
import { type FileSource, headerColumns, readTable, type TableKind } from '@renxing/sheets';
import {
  type AdmittedRow,
  admitVolunteerRow,
  type LineReject,
  REJECT_REASONS,
  VOLUNTEER_COLUMNS,
  VOLUNTEER_OPTIONAL_COLUMNS,
  type VolunteerRow,
} from '../rules/rows.js';
import { type AvailabilityWindow, normaliseWindows } from '../rules/windows.js';
import { organisationsByName } from '../store/organisations.js';
import { placeCentres } from '../store/places.js';
import {
  addWindows,
  insertVolunteer,
  updateVolunteer,
  volunteerById,
  volunteersByPhone,
} from '../store/volunteers.js';
import { auditActor, type VolunteerActor } from './actor.js';

export interface VolunteerImportSummary {
  /** Data rows read (the header not counted). */
  rows: number;
  created: number;
  updated: number;
  /** Volunteers the file repeats as stored. */
  unchanged: number;
  /** Availability windows added. */
  windows: number;
  rejects: (LineReject & { message: { en: string; 'zh-CN': string } })[];
}

interface Planned {
  line: number;
  row: AdmittedRow & { lon: number; lat: number };
  placeId: string;
  organisationId: string | null;
  windows: AvailabilityWindow[];
}

export async function importVolunteers(
  db: Db,
  bytes: Uint8Array,
  o: { kind?: TableKind; source?: FileSource; actor: VolunteerActor },
): Promise<VolunteerImportSummary> {
  const source = o.source ?? {};
  const { actor } = o;
  const table = await readTable(bytes, o.kind, source);
  const [header, ...data] = table.rows;
  const { at, extra } = headerColumns(header, VOLUNTEER_COLUMNS, source);
  const optional = Object.fromEntries(
    VOLUNTEER_OPTIONAL_COLUMNS.map((name) => [name, extra.find((e) => e.name === name)?.index]),
  ) as Record<(typeof VOLUNTEER_OPTIONAL_COLUMNS)[number], number | undefined>;
  const rejects: LineReject[] = table.rejects.map((r) => ({ line: r.line, reason: 'unreadable_row' }));

  const admitted: { line: number; row: AdmittedRow }[] = [];
  for (const r of data) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const cell = (i: number | undefined) => (i === undefined ? '' : (r.cells[i] ?? ''));
    const row = {
      ...Object.fromEntries(VOLUNTEER_COLUMNS.map((c) => [c, cell(at[c])])),
      ...Object.fromEntries(VOLUNTEER_OPTIONAL_COLUMNS.map((c) => [c, cell(optional[c])])),
    } as VolunteerRow;
    const a = admitVolunteerRow(row);
    if ('reject' in a) rejects.push({ line: r.line, reason: a.reject });
    else admitted.push({ line: r.line, row: a.ok });
  }

  const places = await placeCentres(db, admitted.map((a) => a.row.community).filter(isPlacePath));
  const organisations = await organisationsByName(
    db,
    admitted.flatMap((a) => (a.row.organisation ? [a.row.organisation] : [])),
    actor.scope,
  );
  const known = await volunteersByPhone(
    db,
    admitted.map((a) => a.row.phone),
  );
  const planned = new Map<string, Planned>();
  for (const { line, row } of admitted) {
    const place = places.get(row.community);
    const reject = (reason: LineReject['reason']) => rejects.push({ line, reason });
    if (!place || !isPlacePath(row.community) || (actor.scope && !isWithin(row.community, actor.scope))) {
      reject('unknown_place');
      continue;
    }
    const lon = row.lon ?? place.lon;
    const lat = row.lat ?? place.lat;
    if (lon === null || lat === null) {
      reject('bad_location');
      continue;
    }
    const organisation = row.organisation ? organisations.get(row.organisation) : null;
    if (organisation === undefined) {
      reject('unknown_organisation');
      continue;
    }
    const stored = known.get(row.phone);
    if (stored && actor.scope && !isWithin(stored.community, actor.scope)) {
      reject('outside_scope');
      continue;
    }
    const first = planned.get(row.phone);
    if (first) {
      if (
        first.row.name !== row.name ||
        first.row.community !== row.community ||
        first.row.skills.join(';') !== row.skills.join(';')
      )
        reject('conflicting_row');
      else if (row.window) first.windows.push(row.window);
      continue;
    }
    planned.set(row.phone, {
      line,
      row: { ...row, lon, lat },
      placeId: place.id,
      organisationId: organisation?.id ?? null,
      windows: row.window ? [row.window] : [],
    });
  }

  const write = () =>
    db.transaction(async (tx) => {
      const now = await volunteersByPhone(tx, [...planned.keys()]);
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      let windows = 0;
      const ids: string[] = [];
      for (const p of planned.values()) {
        const fields = {
          name: p.row.name,
          skills: p.row.skills,
          lon: p.row.lon,
          lat: p.row.lat,
          placeId: p.placeId,
          capacity: p.row.capacity,
          organisationId: p.organisationId,
        };
        const stored = now.get(p.row.phone);
        let id: string;
        if (!stored) {
          id = await insertVolunteer(
            tx,
            { ...fields, personId: null, phone: p.row.phone, posted: false, userId: null },
            { by: actor.userId, at: actor.now },
          );
          created++;
        } else {
          id = stored.id;
          const v = (await volunteerById(tx, id, { lock: true }))!;
          const same =
            v.name === fields.name &&
            v.skills.join(';') === fields.skills.join(';') &&
            v.lon === fields.lon &&
            v.lat === fields.lat &&
            v.community === p.row.community &&
            v.capacity === fields.capacity &&
            (v.organisation?.id ?? null) === fields.organisationId;
          if (same) unchanged++;
          else {
            await updateVolunteer(tx, id, fields, actor.now);
            updated++;
          }
        }
        const added = await addWindows(tx, id, normaliseWindows(p.windows));
        windows += added;
        if (!stored || added > 0) ids.push(id);
      }
      await appendAudit(tx, {
        actor: auditActor(actor),
        action: 'volunteer.import',
        subjectType: 'volunteer_import',
        subjectId: null,
        detail: {
          file: source.file ?? null,
          rows: data.length,
          created,
          updated,
          unchanged,
          windows,
          rejects: rejects.length,
          volunteers: ids,
        },
      });
      return { created, updated, unchanged, windows };
    });
  // Another import or registration taking one of these phones at the same moment: once more, the
  // volunteer is then found and updated instead.
  let summary: Awaited<ReturnType<typeof write>>;
  try {
    summary = await write();
  } catch (e) {
    if (sqlState(e) !== '23505') throw e;
    summary = await write();
  }
  rejects.sort((a, b) => a.line - b.line);
  return {
    rows: data.length,
    ...summary,
    rejects: rejects.map((r) => ({ ...r, message: REJECT_REASONS[r.reason] })),
  };
}
