/**
 * The aid board's view of matching runs: each run's figures, and for a run its matches and
 * unmatched requests (with the reasons) — only the requests of the caller's place.
 */
import type { Db } from '@renxing/db';
import { inScope } from '@renxing/modules/access';
import { volunteerById } from '@renxing/modules/volunteers';
import { offersOfRun } from '../store/offers.js';
import { type AidRequest, requestsByIds } from '../store/requests.js';
import { type AidRun, listRuns, type UnmatchedReason } from '../store/runs.js';
import type { AidActor } from './actor.js';

export interface RunFigures extends Omit<AidRun, 'unmatched' | 'runBy'> {
  unmatchedCount: number;
}

export interface BoardRow {
  request: string;
  requesterName: string;
  need: string;
  urgency: AidRequest['urgency'];
  placeName: string;
  volunteer: string | null;
  volunteerName: string | null;
  distanceM: number | null;
  reason: UnmatchedReason | null;
  /** The request's state now. */
  state: AidRequest['state'];
}

export interface RunBoard {
  run: RunFigures;
  rows: BoardRow[];
  expired: string[];
}

export const figures = ({ unmatched, runBy: _runBy, ...r }: AidRun): RunFigures => ({
  ...r,
  unmatchedCount: unmatched.length,
});

const seen = (actor: AidActor, r: AidRequest) => actor.scope === null || inScope(r.placePath, actor.scope);

/** A run's matches and unmatched requests within the actor's place (matches first). */
export async function runBoard(
  db: Db,
  run: AidRun,
  actor: AidActor,
  matches?: readonly { request: string; volunteer: string; distanceM: number }[],
  expired: readonly string[] = [],
): Promise<RunBoard> {
  const pairs =
    matches ??
    (await offersOfRun(db, run.id)).map((o) => ({
      request: o.requestId,
      volunteer: o.volunteerId,
      distanceM: o.distanceM,
    }));
  const requests = new Map(
    (
      await requestsByIds(db, [
        ...pairs.map((p) => p.request),
        ...run.unmatched.map((u) => u.request),
        ...expired,
      ])
    ).map((r) => [r.id, r]),
  );
  const names = new Map<string, string>();
  const rows: BoardRow[] = [];
  const base = (r: AidRequest) => ({
    request: r.id,
    requesterName: r.requesterName,
    need: r.need,
    urgency: r.urgency,
    placeName: r.placeName,
    state: r.state,
  });
  for (const p of pairs) {
    const r = requests.get(p.request);
    if (!r || !seen(actor, r)) continue;
    if (!names.has(p.volunteer)) names.set(p.volunteer, (await volunteerById(db, p.volunteer))?.name ?? '');
    rows.push({
      ...base(r),
      volunteer: p.volunteer,
      volunteerName: names.get(p.volunteer)!,
      distanceM: p.distanceM,
      reason: null,
    });
  }
  for (const u of run.unmatched) {
    const r = requests.get(u.request);
    if (!r || !seen(actor, r)) continue;
    rows.push({ ...base(r), volunteer: null, volunteerName: null, distanceM: null, reason: u.reason });
  }
  const visibleExpired = expired.filter((id) => {
    const r = requests.get(id);
    return r !== undefined && seen(actor, r);
  });
  return { run: figures(run), rows, expired: visibleExpired };
}

/** The newest runs (figures) and the newest one's board. */
export async function listAidRuns(
  db: Db,
  q: { limit?: number },
  actor: AidActor,
): Promise<{ runs: RunFigures[]; latest: RunBoard | null }> {
  const runs = await listRuns(db, q.limit ?? 20);
  return { runs: runs.map(figures), latest: runs[0] ? await runBoard(db, runs[0], actor) : null };
}
