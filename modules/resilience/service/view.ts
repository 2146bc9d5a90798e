/** What the index's services share: the community a caller may see, and the shapes they answer. */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { isWithin } from '@renxing/modules/places';
import { type CommunityInfo, placeInfo } from '../store/places.js';
import { type ResilienceRun, runOf } from '../store/runs.js';
import type { Scores } from '../store/values.js';
import type { ResilienceActor } from './actor.js';
import { checkDate } from './dates.js';

/** A community as rows show it. */
export type ResilienceCommunity = Omit<CommunityInfo, 'level'> & { residents: number };

/** A community's scores as rows show them (rank 1 = the highest index in the city). */
export interface ResilienceScores {
  engineering: number | null;
  institutional: number | null;
  social: number | null;
  index: number | null;
  self_organisation: number | null;
  redundancy: number | null;
  adaptability: number | null;
  rank: number | null;
  /** Indicators with a value. */
  indicators: number;
}

export const scoresView = (s: Scores): ResilienceScores => ({
  engineering: s.engineering,
  institutional: s.institutional,
  social: s.social,
  index: s.index,
  self_organisation: s.self_organisation,
  redundancy: s.redundancy,
  adaptability: s.adaptability,
  rank: s.rank,
  indicators: s.indicators,
});

export const communityView = (c: CommunityInfo, residents: number): ResilienceCommunity => ({
  id: c.id,
  path: c.path,
  name: c.name,
  nameEn: c.nameEn,
  lon: c.lon,
  lat: c.lat,
  street: c.street,
  streetName: c.streetName,
  district: c.district,
  districtName: c.districtName,
  residents,
});

/** The community at `path` if the caller sees it (404 otherwise; RX_RESILIENCE_NOT_COMMUNITY for another level). */
export async function visibleCommunity(db: Db, path: string, actor: ResilienceActor): Promise<CommunityInfo> {
  if (actor.scope !== null && !isWithin(path, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  const c = await placeInfo(db, path);
  if (!c) throw new RenxingError('RX_NOT_FOUND');
  if (c.level !== 'community') throw new RenxingError('RX_RESILIENCE_NOT_COMMUNITY', { path });
  return c;
}

/** The run of `date` (checked), or the latest; undefined when none. */
export async function runFor(db: Db, date: string | undefined): Promise<ResilienceRun | undefined> {
  return runOf(db, date === undefined ? undefined : checkDate(date));
}

/** The run of `date`, or the latest; RX_RESILIENCE_NOT_COMPUTED when there is none. */
export async function requireRun(db: Db, date: string | undefined): Promise<ResilienceRun> {
  const run = await runFor(db, date);
  if (!run) throw new RenxingError('RX_RESILIENCE_NOT_COMPUTED', { date: date ?? '—' });
  return run;
}
