/**
 * Reports: submitted by a resident (or by staff for one), near-duplicates linked to the earliest
 * report of their issue, a per-resident rate limit, staff actions (acknowledge, assign, respond,
 * close) and the reporter's reopen within 7 days of the response. Each change is one transaction
 * with its event and audit row; the reporter is told after it commits.
 */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { inScope } from '@renxing/modules/access';
import { appendAudit } from '@renxing/modules/audit';
import type { Notifier } from '@renxing/notify';
import '../errors.js';
import { communityOfPath, homeCommunityOf, homePathOf } from '../store/places.js';
import {
  type Category,
  duplicateCandidates,
  duplicatesOf,
  insertEvent,
  insertReport,
  type Report,
  type ReportPatch,
  type ReportState,
  reportById,
  reportTimesOf,
  updateReport,
} from '../store/reports.js';
import { auditActor, isResident, type ParticipationActor } from './actor.js';
import { RULES } from './rules-in-use.js';
import { reportMessage } from './words.js';

/** At most this many reports per resident per hour. */
export const REPORTS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface ReportInput {
  category: Category;
  text: string;
  /** A community (or a place under it); default the reporter's home community. */
  placePath?: string;
  lon?: number | null;
  lat?: number | null;
  /** Where the reporter is also told by e-mail. */
  contactEmail?: string | null;
  /** Whether the response may be shown publicly. */
  allowPublic?: boolean;
  /** Staff only: the resident they report for. */
  personId?: string;
}

const notFound = (id: string) => new RenxingError('RX_NO_SUCH_REPORT', { report: id });

/** Whether the actor may see the report: its reporter, staff over its place, the system. */
export function maySee(actor: ParticipationActor, r: Report): boolean {
  if (actor.role === 'system') return true;
  if (isResident(actor))
    return (
      r.reporterUserId === actor.userId || (actor.personId !== null && r.reporterPersonId === actor.personId)
    );
  return actor.scope !== null && inScope(r.placePath, actor.scope);
}

/** The report as the actor may see it, else 404 (what you may not reach does not exist). */
export async function reportFor(
  db: Db,
  actor: ParticipationActor,
  id: string,
  o: { forUpdate?: boolean } = {},
): Promise<Report> {
  const r = await reportById(db, id, o);
  if (!r || !maySee(actor, r)) throw notFound(id);
  return r;
}

/** Sends after commit; a notifier never throws, but a bug in one must not undo the change either. */
async function tell(notifier: Notifier, messages: Parameters<Notifier['send']>[0][]): Promise<void> {
  for (const m of messages) await notifier.send(m).catch(() => undefined);
}

async function reporterOf(
  db: Db,
  actor: ParticipationActor,
  input: ReportInput,
): Promise<{ personId: string; userId: string | null }> {
  if (isResident(actor)) {
    // A resident reports as themself (naming someone else reads as no such person).
    if (!actor.personId || (input.personId !== undefined && input.personId !== actor.personId))
      throw new RenxingError('RX_NOT_FOUND', {}, 'body.personId');
    return { personId: actor.personId, userId: actor.userId };
  }
  if (!input.personId) throw new RenxingError('RX_VALIDATION', { field: 'body.personId' }, 'body.personId');
  const home = await homePathOf(db, input.personId);
  // Staff act for residents homed within their place (one not known there does not exist).
  if (home === undefined || (actor.scope !== null && !inScope(home, actor.scope)))
    throw new RenxingError('RX_NOT_FOUND', {}, 'body.personId');
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM users WHERE person_id = $1 AND role = 'resident' AND disabled_at IS NULL LIMIT 1",
    [input.personId],
  );
  return { personId: input.personId, userId: rows[0]?.id ?? null };
}

async function placeOf(db: Db, actor: ParticipationActor, input: ReportInput, personId: string) {
  if (input.placePath) {
    const c = await communityOfPath(db, input.placePath);
    if (!c) throw new RenxingError('RX_NO_HOME_COMMUNITY', {}, 'body.placePath');
    if (!isResident(actor) && actor.scope !== null && !inScope(c.path, actor.scope))
      throw new RenxingError('RX_NOT_FOUND', {}, 'body.placePath');
    return c;
  }
  const c = await homeCommunityOf(db, personId);
  if (!c) throw new RenxingError('RX_NO_HOME_COMMUNITY', {}, 'body.placePath');
  return c;
}

export interface Submitted {
  report: Report;
  /** The earlier report of the same issue this one joined (null: a new issue). */
  duplicateOf: string | null;
}

export async function submitReport(
  db: Db,
  notifier: Notifier,
  actor: ParticipationActor,
  input: ReportInput,
): Promise<Submitted> {
  const text = input.text.trim();
  if (text === '') throw new RenxingError('RX_VALIDATION', { field: 'body.text' }, 'body.text');
  const hasPoint = input.lon != null && input.lat != null;
  const submitted = await db.transaction(async (tx) => {
    const reporter = await reporterOf(tx, actor, input);
    const place = await placeOf(tx, actor, input, reporter.personId);
    // One resident's reports one at a time: the limit cannot be raced past.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `renxing.participation.report:${reporter.personId}`,
    ]);
    const recent = await reportTimesOf(tx, reporter.personId, new Date(actor.now.getTime() - HOUR_MS));
    if (recent.length >= REPORTS_PER_HOUR) {
      const retry = new Date(recent[recent.length - REPORTS_PER_HOUR]!.getTime() + HOUR_MS);
      throw new RenxingError('RX_REPORT_RATE_LIMITED', {
        limit: REPORTS_PER_HOUR,
        retry: retry.toISOString(),
      });
    }
    const candidates = await duplicateCandidates(tx, {
      category: input.category,
      placeId: place.id,
      since: new Date(actor.now.getTime() - 7 * DAY_MS),
      until: actor.now,
    });
    const duplicateOf = RULES.nearDuplicateOf(text, candidates);
    const id = await insertReport(tx, {
      reporterPersonId: reporter.personId,
      reporterUserId: reporter.userId,
      submittedBy: isResident(actor) ? null : actor.userId,
      category: input.category,
      text,
      placeId: place.id,
      lon: hasPoint ? (input.lon as number) : null,
      lat: hasPoint ? (input.lat as number) : null,
      contactEmail: input.contactEmail?.trim() || null,
      allowPublic: input.allowPublic ?? false,
      duplicateOf,
      at: actor.now,
    });
    await insertEvent(tx, id, {
      at: actor.now,
      actor: auditActor(actor),
      action: 'submit',
      fromState: null,
      toState: 'submitted',
      text: null,
      public: false,
    });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'participation.report_submit',
      subjectType: 'report',
      subjectId: id,
      detail: {
        category: input.category,
        place: place.path,
        duplicateOf,
        forPerson: isResident(actor) ? null : reporter.personId,
      },
    });
    return { report: (await reportById(tx, id))!, duplicateOf };
  });
  await tell(notifier, [
    reportMessage(submitted.report, 'submitted', { duplicateOf: submitted.duplicateOf }),
  ]);
  return submitted;
}

export type StaffAction = 'acknowledge' | 'assign' | 'respond' | 'close';

export interface ResponseInput {
  action: StaffAction;
  /** The response's words (required to respond), or a note. */
  text?: string | null;
  /** Whether the response may be public (it is shown only if the reporter allowed it too). */
  public?: boolean;
  /** To whom it is assigned (a unit, a person's name). */
  assignee?: string | null;
}

function patchFor(
  r: Report,
  action: StaffAction,
  to: ReportState,
  input: ResponseInput,
  at: Date,
): ReportPatch {
  const words = input.text?.trim() || null;
  switch (action) {
    case 'acknowledge':
      return { state: to, acknowledgedAt: r.acknowledgedAt ?? at, at };
    case 'assign':
      return {
        state: to,
        assignedAt: at,
        acknowledgedAt: r.acknowledgedAt ?? at,
        assignedTo: input.assignee?.trim() || r.assignedTo,
        at,
      };
    case 'respond':
      return {
        state: to,
        respondedAt: at,
        acknowledgedAt: r.acknowledgedAt ?? at,
        response: words,
        responsePublic: input.public ?? false,
        at,
      };
    case 'close':
      return { state: to, closedAt: at, acknowledgedAt: r.acknowledgedAt ?? at, at };
  }
}

/** A staff action on a report; its near-duplicates follow their original (each reporter is told). */
export async function respondReport(
  db: Db,
  notifier: Notifier,
  actor: ParticipationActor,
  id: string,
  input: ResponseInput,
): Promise<Report> {
  if (input.action === 'respond' && !input.text?.trim())
    throw new RenxingError('RX_VALIDATION', { field: 'body.text' }, 'body.text');
  const { report, told } = await db.transaction(async (tx) => {
    const original = await reportFor(tx, actor, id, { forUpdate: true });
    const told: Report[] = [];
    const apply = async (r: Report, strict: boolean): Promise<boolean> => {
      const to = RULES.nextState(r.state, input.action);
      if (to === null) {
        if (strict) throw new RenxingError('RX_REPORT_TRANSITION', { state: r.state, action: input.action });
        return false;
      }
      await updateReport(tx, r.id, patchFor(r, input.action, to, input, actor.now));
      await insertEvent(tx, r.id, {
        at: actor.now,
        actor: auditActor(actor),
        action: input.action,
        fromState: r.state,
        toState: to,
        text: input.text?.trim() || (input.action === 'assign' ? (input.assignee ?? null) : null),
        public: input.action === 'respond' ? (input.public ?? false) : false,
      });
      told.push((await reportById(tx, r.id))!);
      return true;
    };
    await apply(original, true);
    const followers = original.duplicateOf === null ? await duplicatesOf(tx, original.id) : [];
    const followed: string[] = [];
    for (const d of followers) {
      const r = await reportById(tx, d, { forUpdate: true });
      if (r && (await apply(r, false))) followed.push(d);
    }
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: `participation.report_${input.action}`,
      subjectType: 'report',
      subjectId: id,
      detail: {
        from: original.state,
        public: input.public ?? false,
        assignee: input.assignee ?? null,
        duplicates: followed,
      },
    });
    return { report: told[0]!, told };
  });
  await tell(
    notifier,
    told.map((r) => reportMessage(r, r.state, { words: input.action === 'respond' ? r.response : null })),
  );
  return report;
}

/** The reporter reopens their report within 7 days of its response. */
export async function reopenReport(
  db: Db,
  notifier: Notifier,
  actor: ParticipationActor,
  id: string,
  reason: string | null,
): Promise<Report> {
  const report = await db.transaction(async (tx) => {
    const r = await reportFor(tx, actor, id, { forUpdate: true });
    if (!isResident(actor)) throw notFound(id);
    const decision = RULES.reopen(r, actor.now);
    if (decision.kind === 'state')
      throw new RenxingError('RX_REPORT_TRANSITION', { state: r.state, action: 'reopen' });
    if (decision.kind === 'window')
      throw new RenxingError('RX_REOPEN_WINDOW', { respondedAt: r.respondedAt?.toISOString() ?? '' });
    await updateReport(tx, id, {
      state: decision.to,
      reopenedAt: actor.now,
      reopenCount: r.reopenCount + 1,
      closedAt: null,
      at: actor.now,
    });
    await insertEvent(tx, id, {
      at: actor.now,
      actor: auditActor(actor),
      action: 'reopen',
      fromState: r.state,
      toState: decision.to,
      text: reason?.trim() || null,
      public: false,
    });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'participation.report_reopen',
      subjectType: 'report',
      subjectId: id,
      detail: { from: r.state, to: decision.to, respondedAt: r.respondedAt },
    });
    return (await reportById(tx, id))!;
  });
  await tell(notifier, [reportMessage(report, report.state, { reopened: true })]);
  return report;
}
