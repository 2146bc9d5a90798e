/**
 * importResilienceValues: values of the city's own indicators from a file (CSV or XLSX:
 * community,key,value[,date]; community a place path within the caller's, date a city date, default
 * today), stored in one transaction with one audit row (a value of the same indicator, community and
 * date is replaced). Lines that cannot be used come back with their reason; the rest is kept.
 */
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isPlacePath, isWithin } from '@renxing/modules/places';
import { type CustomValueRow, customIndicators, upsertCustomValues } from '../store/custom.js';
import { placesByPath } from '../store/places.js';
import { auditActor, type ResilienceActor } from './actor.js';
import { cityDate, isCityDate } from './dates.js';
import {
  type ImportOptions,
  type ImportSummary,
  type LineReject,
  readLines,
  withMessages,
} from './import-rows.js';

export const VALUE_COLUMNS = ['community', 'key', 'value'] as const;
const OPTIONAL = ['date'] as const;

export async function importResilienceValues(
  db: Db,
  bytes: Uint8Array,
  o: ImportOptions<ResilienceActor>,
): Promise<ImportSummary> {
  const { actor } = o;
  const { rows, lines, rejects } = await readLines(bytes, VALUE_COLUMNS, OPTIONAL, o);
  const today = cityDate(actor.now);
  const own = new Set((await customIndicators(db)).map((i) => i.key));
  const places = await placesByPath(db, lines.map((l) => l.cells.community).filter(isPlacePath));
  const kept = new Map<string, CustomValueRow>();
  for (const { line, cells: c } of lines) {
    const reject = (reason: LineReject['reason']) => rejects.push({ line, reason });
    const place = isPlacePath(c.community) ? places.get(c.community) : undefined;
    const key = c.key.toLowerCase();
    const value = c.value === '' ? Number.NaN : Number(c.value);
    const date = c.date === '' ? today : c.date;
    if (!place || (actor.scope !== null && !isWithin(c.community, actor.scope))) reject('unknown_place');
    else if (place.level !== 'community') reject('not_community');
    else if (!own.has(key)) reject('unknown_key');
    else if (!Number.isFinite(value)) reject('bad_value');
    else if (!isCityDate(date)) reject('bad_date');
    else {
      const id = JSON.stringify([key, place.id, date]);
      if (kept.has(id)) reject('duplicate');
      else kept.set(id, { key, community: place.id, date, value });
    }
  }
  const saved = await db.transaction(async (tx) => {
    const n = await upsertCustomValues(tx, [...kept.values()], { userId: actor.userId, at: actor.now });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'resilience.values.import',
      subjectType: 'resilience_values',
      subjectId: o.source?.file ?? 'body',
      detail: {
        rows,
        saved: n,
        rejects: rejects.length,
        keys: [...new Set([...kept.values()].map((v) => v.key))],
      },
    });
    return n;
  });
  return { rows, saved, rejects: withMessages(rejects) };
}
