/** Creating rounds, adding sites and exempting people: each one transaction with its audit row. */
import { FieldError, invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin, unknownPlaces } from '@renxing/modules/places';
import '../errors.js';
import {
  DEFAULT_POOLING,
  type ExemptReason,
  type Pooling,
  roundProblem,
  type SiteInput,
  siteProblem,
  type Zone,
  zoneOf,
} from '../rules/rounds.js';
import { recountPerson } from '../store/counts.js';
import {
  insertRound,
  insertSites,
  type Round,
  roundById,
  type Site,
  setExemption,
  snapshotExpected,
} from '../store/rounds.js';
import { findPerson } from '../store/tubes.js';

export interface ScreeningActor {
  userId: string;
  /** The caller's place path. */
  scope: string;
  now: Date;
}

export interface RoundInput {
  name: string;
  from: Date;
  to: Date;
  pooling?: Partial<Pooling>;
  places: { path: string; zone: Zone }[];
  sites?: SiteInput[];
}

const problem = (p: { field: string; en: string; 'zh-CN': string }): FieldError =>
  invalid(p.field, { en: p.en, 'zh-CN': p['zh-CN'] });

/** Checks sites against the round's places and gives each its zone (the site's own, else its place's). */
function sitesFor(
  sites: readonly SiteInput[],
  places: readonly { path: string; zone: Zone }[],
  base: string,
) {
  return sites.map((s, i) => {
    const zone = s.zone ?? zoneOf(s.place, places);
    const p = siteProblem(s, `${base}.${i}`, zone !== null);
    if (p) throw problem(p);
    return {
      name: s.name.trim(),
      place: s.place,
      zone: zone as Zone,
      lon: s.lon ?? null,
      lat: s.lat ?? null,
      opens: s.opens,
      closes: s.closes,
      capacityPerHour: s.capacityPerHour,
    };
  });
}

/**
 * Creates a round over places within the caller's, with its sites, and snapshots the people it
 * expects (residents homed under its places now). Audited as `screening.round.create`.
 */
export async function createScreeningRound(
  db: Db,
  input: RoundInput,
  actor: ScreeningActor,
): Promise<{ round: Round; sites: Site[]; expected: number }> {
  const pooling: Pooling = { ...DEFAULT_POOLING, ...input.pooling };
  const p = roundProblem({
    from: input.from.getTime(),
    to: input.to.getTime(),
    pooling,
    places: input.places,
  });
  if (p) throw problem(p);
  if (input.name.trim() === '')
    throw invalid('body.name', { en: 'a round needs a name', 'zh-CN': '请填写轮次名称' });
  // A place outside the caller's reads as not found, like anything else out of reach.
  const paths = [...input.places.map((x) => x.path), ...(input.sites ?? []).map((s) => s.place)];
  if (paths.some((path) => !isWithin(path, actor.scope))) throw new RenxingError('RX_NOT_FOUND');
  const unknown = await unknownPlaces(db, paths);
  if (unknown.length > 0)
    throw new RenxingError('RX_UNKNOWN_PLACE', { place: unknown.join(', ') }, 'body.places');
  const sites = sitesFor(input.sites ?? [], input.places, 'body.sites');
  return db.transaction(async (tx) => {
    const id = await insertRound(tx, {
      name: input.name.trim(),
      from: input.from,
      to: input.to,
      pooling,
      places: input.places,
      createdBy: actor.userId,
      createdAt: actor.now,
    });
    const stored = await insertSites(tx, id, sites);
    const expected = await snapshotExpected(tx, id);
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'screening.round.create',
      subjectType: 'screening_round',
      subjectId: id,
      detail: { name: input.name.trim(), places: input.places, pooling, sites: stored.length, expected },
    });
    const round = await roundById(tx, id, actor.scope);
    return { round: round!, sites: stored, expected };
  });
}

/** Adds a site to a round the caller reaches (RX_NOT_FOUND otherwise). */
export async function addScreeningSite(
  db: Db,
  roundId: string,
  site: SiteInput,
  actor: ScreeningActor,
): Promise<Site> {
  const round = await roundById(db, roundId, actor.scope);
  if (!round) throw new RenxingError('RX_NOT_FOUND');
  if (!isWithin(site.place, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  if ((await unknownPlaces(db, [site.place])).length > 0) {
    throw new FieldError('RX_UNKNOWN_PLACE', 'body.place', { place: site.place });
  }
  const [checked] = sitesFor([site], round.places, 'body');
  return db.transaction(async (tx) => {
    const [stored] = await insertSites(tx, roundId, [checked]);
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'screening.site.add',
      subjectType: 'screening_round',
      subjectId: roundId,
      detail: { site: stored.id, name: stored.name, place: stored.place, zone: stored.zone },
    });
    return stored;
  });
}

/** Exempts a person from a round with a reason (null clears it); RX_NOT_FOUND when the round is out of reach or does not expect them. */
export async function setScreeningExemption(
  db: Db,
  e: { roundId: string; personId: string; reason: ExemptReason | null; note: string | null },
  actor: ScreeningActor,
): Promise<void> {
  const person = await findPerson(db, { by: 'id', value: e.personId });
  const reach = person?.homePath && isWithin(person.homePath, actor.scope);
  if (!reach || !(await roundById(db, e.roundId, actor.scope))) throw new RenxingError('RX_NOT_FOUND');
  if (e.reason === 'other' && !e.note?.trim()) {
    throw invalid('body.note', { en: 'say why for "other"', 'zh-CN': '选择“其他”时请写明原因' });
  }
  await db.transaction(async (tx) => {
    const done = await setExemption(tx, { ...e, note: e.note?.trim() || null, by: actor.userId });
    if (!done) throw new RenxingError('RX_NOT_FOUND');
    await recountPerson(tx, e.roundId, e.personId);
    await appendAudit(tx, {
      actor: actor.userId,
      action: e.reason ? 'screening.exempt' : 'screening.exempt.clear',
      subjectType: 'person',
      subjectId: e.personId,
      reason: e.note ?? undefined,
      detail: { round: e.roundId, reason: e.reason },
    });
  });
}
