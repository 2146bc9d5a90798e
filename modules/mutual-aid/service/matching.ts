/**
 * Matching runs (shared/contracts/social.md, "Matching"): the open requests (of the caller's place;
 * all for the system) and the verified volunteers with capacity left on the city's day, given to
 * the rules' optimal batch matching; each match becomes an offer (the request matched), the run is
 * stored with its unmatched requests and reasons, and audited. The expiry sweep runs first, in the
 * same transaction: requests whose window passed unmatched expire into their community's inbox.
 * One run at a time (an advisory lock), so capacity is never handed out twice.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { verifiedVolunteersFor } from '@renxing/modules/volunteers';
import { DEFAULT_MAX_KM, type MatchRequest, type MatchVolunteer } from '../rules/match-types.js';
import { matchOptimal } from '../rules/matching.js';
import { declinersOf, insertOffers, tasksTaken } from '../store/offers.js';
import {
  type AidRequest,
  insertEvents,
  openRequests,
  requestsByIds,
  setRequestState,
} from '../store/requests.js';
import { type AidRun, insertRun, type RunTrigger, type UnmatchedReason } from '../store/runs.js';
import { type AidActor, auditActor } from './actor.js';
import { expireDue } from './expiry.js';
import { type AidChange, type AidNotifier, notifyRequester } from './notify.js';
import { readerOf } from './requests.js';

const DAY_MS = 86_400_000;
const CITY_OFFSET_MS = 8 * 3_600_000;

/** The city's day (+08:00) holding `at`: [start, end). */
export function cityDay(at: Date): { from: Date; to: Date } {
  const start = Math.floor((at.getTime() + CITY_OFFSET_MS) / DAY_MS) * DAY_MS - CITY_OFFSET_MS;
  return { from: new Date(start), to: new Date(start + DAY_MS) };
}

const seconds = (d: Date) => d.getTime() / 1000;

export interface MatchRow {
  request: string;
  volunteer: string;
  distanceM: number;
  offer: string;
}

export interface RunResult {
  run: AidRun;
  matches: MatchRow[];
  unmatched: { request: string; reason: UnmatchedReason }[];
  /** Requests the sweep before the run expired. */
  expired: string[];
}

/**
 * The matching's input for these requests: a volunteer who declined a request is not offered it
 * again. The rules take no per-pair exclusions, so such a request asks for a private skill
 * (`need#<request>`) that every holder of the need but its decliners also has: the candidate pairs
 * are exactly those of the contract less the declined ones (and if every holder declined, its
 * reason reads `no skill`).
 */
export function matchingInput(
  requests: readonly AidRequest[],
  volunteers: readonly MatchVolunteer[],
  decliners: ReadonlyMap<string, ReadonlySet<string>>,
): { requests: MatchRequest[]; volunteers: MatchVolunteer[] } {
  const extra = new Map<string, string[]>();
  const input: MatchRequest[] = requests.map((r) => {
    const no = decliners.get(r.id);
    const need = no && no.size > 0 ? `${r.need}#${r.id}` : r.need;
    if (need !== r.need) {
      for (const v of volunteers) {
        if (v.skills.includes(r.need) && !no!.has(v.id)) extra.set(v.id, [...(extra.get(v.id) ?? []), need]);
      }
    }
    return {
      id: r.id,
      need,
      urgency: r.urgency,
      lon: r.lon,
      lat: r.lat,
      from: seconds(r.from),
      to: seconds(r.to),
    };
  });
  return {
    requests: input,
    volunteers: volunteers.map((v) =>
      extra.has(v.id) ? { ...v, skills: [...v.skills, ...extra.get(v.id)!] } : v,
    ),
  };
}

/**
 * One run now. `actor` staff: the requests of their place; the system: all. `trigger` says whether
 * a user asked (on_demand) or the timer did (scheduled). Audited as `mutual_aid.match.run`.
 */
export async function runAidMatching(
  db: Db,
  o: { actor: AidActor; trigger?: RunTrigger; maxKm?: number; notifier?: AidNotifier },
): Promise<RunResult> {
  const { actor } = o;
  const maxKm = o.maxKm ?? DEFAULT_MAX_KM;
  const reader = readerOf(actor);
  const { result, changes } = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['renxing.aid.match']);
    const expiry = await expireDue(tx, actor);
    const requests = await openRequests(tx, reader, actor.now);
    const found = await verifiedVolunteersFor(tx, { at: actor.now });
    const day = cityDay(actor.now);
    const held = await tasksTaken(
      tx,
      found.map((v) => v.id),
      day.from,
      day.to,
    );
    // Those with no capacity left stay in: a request only they could take reads `no capacity`.
    const volunteers: MatchVolunteer[] = found.map((v) => ({
      id: v.id,
      skills: v.skills,
      lon: v.lon,
      lat: v.lat,
      windows: v.windows.map((w) => ({ from: seconds(w.from), to: seconds(w.to) })),
      capacity: Math.max(0, v.capacity - v.usedToday - (held.get(v.id) ?? 0)),
    }));
    const input = matchingInput(
      requests,
      volunteers,
      await declinersOf(
        tx,
        requests.map((r) => r.id),
      ),
    );
    const t0 = performance.now();
    const m = matchOptimal(input.requests, input.volunteers, { maxKm });
    const ms = performance.now() - t0;
    const pairs = m.rows.flatMap((row) =>
      row.volunteer !== null
        ? [{ requestId: row.request, volunteerId: row.volunteer, distanceM: row.distanceM ?? 0 }]
        : [],
    );
    const unmatched = m.rows.flatMap((row) =>
      row.volunteer === null && row.reason !== null ? [{ request: row.request, reason: row.reason }] : [],
    );
    const run: Omit<AidRun, 'id'> = {
      at: actor.now,
      requests: requests.length,
      volunteers: volunteers.length,
      matched: pairs.length,
      weight: m.weight,
      distanceM: m.distanceM,
      ms,
      trigger: o.trigger ?? 'on_demand',
      runBy: actor.userId,
      maxKm,
      unmatched,
    };
    const runId = await insertRun(tx, run);
    const offerIds = await insertOffers(tx, pairs, runId, actor.now);
    for (const p of pairs) await setRequestState(tx, p.requestId, ['open'], 'matched', actor.now);
    await insertEvents(
      tx,
      pairs.map((p, i) => ({
        requestId: p.requestId,
        state: 'matched' as const,
        at: actor.now,
        byUser: actor.userId,
        offerId: offerIds[i],
        note: '',
      })),
    );
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'mutual_aid.match.run',
      subjectType: 'aid_run',
      subjectId: runId,
      detail: {
        trigger: run.trigger,
        scope: actor.scope,
        requests: run.requests,
        volunteers: run.volunteers,
        matched: run.matched,
        weight: run.weight,
        distanceM: Math.round(run.distanceM),
        expired: expiry.expired.length,
      },
    });
    const byId = new Map(requests.map((r) => [r.id, r]));
    const matchedChanges: AidChange[] = pairs.map((p) => {
      const r = byId.get(p.requestId)!;
      return { requestId: r.id, requesterId: r.requesterId, need: r.need, state: 'matched', at: actor.now };
    });
    return {
      result: {
        run: { id: runId, ...run },
        matches: pairs.map((p, i) => ({
          request: p.requestId,
          volunteer: p.volunteerId,
          distanceM: p.distanceM,
          offer: offerIds[i],
        })),
        unmatched,
        expired: expiry.expired.map((r) => r.id),
      } satisfies RunResult,
      changes: [...expiry.changes, ...matchedChanges],
    };
  });
  await notifyRequester(o.notifier, changes);
  return result;
}

/** The requests a run names (for its board), as a map by id. */
export async function runRequests(db: Db, ids: readonly string[]): Promise<Map<string, AidRequest>> {
  return new Map((await requestsByIds(db, ids)).map((r) => [r.id, r]));
}
