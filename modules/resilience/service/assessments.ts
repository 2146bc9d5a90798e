/**
 * Self-assessments (shared/contracts/resilience-index.md, "Self-assessment"): a community or a
 * street answers a shipped question bank with evidence; an official above the place (the one
 * named, if one was) approves it or returns it; a returned one is answered again as a new
 * submission. Each change is one transaction with its audit row.
 */
import { invalid, RenxingError, type Text } from '@renxing/contracts';
import { type Db, sqlState, UUID } from '@renxing/db';
import { type User, userById } from '@renxing/modules/access';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin } from '@renxing/modules/places';
import { ACCESS } from '../access.js';
import { shippedBank, shippedBanks } from '../banks/banks.js';
import '../errors.js';
import {
  type Answer,
  type AssessmentSummary,
  answerProblems,
  MAX_NOTE_CHARS,
  type Problem,
  type QuestionBank,
  summarise,
} from '../rules/banks.js';
import {
  type AnswerRow,
  type AssessmentRow,
  type AssessmentState,
  answersOf,
  assessmentById,
  assessmentsOfPlace,
  insertAssessment,
  latestShown,
  listAssessments,
  type PlaceRef,
  placeRefByPath,
  recordReview,
  type UserRef,
} from '../store/assessments.js';
import { auditActor, type ResilienceActor } from './actor.js';

/** The levels that answer a self-assessment. */
export const ASSESSED_LEVELS = ['community', 'street'] as const;

export interface AssessmentHead {
  id: string;
  place: PlaceRef;
  bank: { id: string; version: number; title: Text };
  state: AssessmentState;
  submittedBy: UserRef | null;
  submittedAt: Date;
  reviewer: UserRef | null;
  reviewedBy: UserRef | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  summary: AssessmentSummary;
  /** Whether the caller may approve or return it now. */
  canReview: boolean;
}

export interface Assessment extends AssessmentHead {
  answers: AnswerRow[];
}

export interface SubmitInput {
  /** The community or street answering (a place path). */
  place: string;
  bank: string;
  version: number;
  answers: readonly Answer[];
  /** The user who is to review it; null or absent: any official above the place. */
  reviewer?: string | null;
}

export interface ReviewInput {
  decision: 'approve' | 'return';
  /** Required to return (what to answer again). */
  note?: string | null;
}

const STATE_WORDS: Record<AssessmentState, Text> = {
  submitted: { en: 'awaiting review', 'zh-CN': '待审核' },
  approved: { en: 'approved', 'zh-CN': '已通过' },
  returned: { en: 'returned', 'zh-CN': '已退回' },
};

const REVIEWER_ROLES: readonly string[] = ACCESS.reviewSelfAssessment;

/** Why `user` may not review an assessment of `place` submitted by `submittedBy` (null: they may). */
function reviewerProblem(
  user: User | undefined,
  a: { place: string; submittedBy: string | null; reviewer: string | null },
): Text | null {
  if (!user || user.disabled) return { en: 'no such official', 'zh-CN': '没有该工作人员' };
  if (a.reviewer && a.reviewer !== user.id)
    return { en: 'another reviewer was named', 'zh-CN': '已指定其他审核人' };
  if (user.id === a.submittedBy) return { en: 'you submitted it', 'zh-CN': '不能审核自己提交的自评' };
  const above = user.placePath !== null && isWithin(a.place, user.placePath) && a.place !== user.placePath;
  if (!REVIEWER_ROLES.includes(user.role) || !above)
    return {
      en: `a reviewer is an official whose place is above ${a.place}`,
      'zh-CN': `审核人须为 ${a.place} 上级的工作人员`,
    };
  return null;
}

function detailOf(problems: readonly Problem[]): Text {
  const shown = problems.slice(0, 3);
  const more = problems.length > 3 ? problems.length - 3 : 0;
  return {
    en: shown.map((p) => `${p.field}: ${p.text.en}`).join('; ') + (more ? `; and ${more} more` : ''),
    'zh-CN':
      shown.map((p) => `${p.field}：${p.text['zh-CN']}`).join('；') + (more ? `；另有 ${more} 处` : ''),
  };
}

const inScope = (path: string, scope: string | null): boolean => scope === null || isWithin(path, scope);

/** Every shipped question bank, in full. */
export async function listQuestionBanks(): Promise<QuestionBank[]> {
  return shippedBanks();
}

async function view(rows: readonly AssessmentRow[], caller: User | undefined): Promise<AssessmentHead[]> {
  const banks = await shippedBanks();
  return rows.map((r) => {
    const bank = banks.find((b) => b.id === r.bankId && b.version === r.bankVersion);
    return {
      id: r.id,
      place: r.place,
      bank: {
        id: r.bankId,
        version: r.bankVersion,
        title: bank?.title ?? { en: r.bankId, 'zh-CN': r.bankId },
      },
      state: r.state,
      submittedBy: r.submittedBy,
      submittedAt: r.submittedAt,
      reviewer: r.reviewer,
      reviewedBy: r.reviewedBy,
      reviewedAt: r.reviewedAt,
      reviewNote: r.reviewNote,
      summary: r.summary,
      canReview:
        r.state === 'submitted' &&
        caller !== undefined &&
        reviewerProblem(caller, {
          place: r.place.path,
          submittedBy: r.submittedBy?.id ?? null,
          reviewer: r.reviewer?.id ?? null,
        }) === null,
    };
  });
}

async function withAnswers(
  db: Db,
  rows: readonly AssessmentRow[],
  caller: User | undefined,
): Promise<Assessment[]> {
  const heads = await view(rows, caller);
  const answers = await answersOf(
    db,
    rows.map((r) => r.id),
  );
  return heads.map((h) => ({ ...h, answers: answers.get(h.id) ?? [] }));
}

const callerOf = async (db: Db, actor: ResilienceActor): Promise<User | undefined> =>
  actor.userId ? userById(db, actor.userId) : undefined;

/**
 * Submits a self-assessment of a community or street within the caller's place: every question of
 * the bank answered, evidence for every score above the minimum. Audited as `resilience_assessment.submit`.
 */
export async function submitSelfAssessment(
  db: Db,
  actor: ResilienceActor,
  input: SubmitInput,
): Promise<Assessment> {
  const place = await placeRefByPath(db, input.place);
  // A place outside the caller's is answered as one that does not exist.
  if (!place || !inScope(place.path, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  if (!(ASSESSED_LEVELS as readonly string[]).includes(place.level))
    throw new RenxingError('RX_RESILIENCE_ASSESSMENT_PLACE', { path: input.place }, 'body.place');
  const bank = await shippedBank(input.bank, input.version);
  if (!bank)
    throw new RenxingError(
      'RX_RESILIENCE_UNKNOWN_BANK',
      { bank: input.bank, version: input.version },
      'body.bank',
    );
  const problems = answerProblems(bank, input.answers);
  if (problems.length > 0)
    throw new RenxingError(
      'RX_RESILIENCE_ANSWERS',
      { detail: detailOf(problems) },
      `body.${problems[0].field}`,
    );
  const reviewer = input.reviewer ?? null;
  if (reviewer !== null) {
    const problem = reviewerProblem(UUID.test(reviewer) ? await userById(db, reviewer) : undefined, {
      place: place.path,
      submittedBy: actor.userId,
      reviewer: null,
    });
    if (problem) throw invalid('body.reviewer', problem);
  }
  const order = new Map(bank.sections.flatMap((s) => s.questions).map((q, i) => [q.id, i]));
  const answers = [...input.answers]
    .sort((a, b) => order.get(a.question)! - order.get(b.question)!)
    .map((a) => ({ question: a.question, score: a.score, evidence: (a.evidence ?? '').trim() }));
  const summary = summarise(bank, answers);
  try {
    const id = await db.transaction(async (tx) => {
      const id = await insertAssessment(tx, {
        placeId: place.id,
        bankId: bank.id,
        bankVersion: bank.version,
        submittedBy: actor.userId,
        submittedAt: actor.now,
        reviewer,
        summary,
        answers,
      });
      await appendAudit(tx, {
        actor: auditActor(actor),
        action: 'resilience_assessment.submit',
        subjectType: 'resilience_assessment',
        subjectId: id,
        detail: {
          place: place.path,
          bank: bank.id,
          version: bank.version,
          reviewer,
          overall: summary.overall,
        },
      });
      return id;
    });
    return (await withAnswers(db, [(await assessmentById(db, id))!], await callerOf(db, actor)))[0];
  } catch (e) {
    if (sqlState(e) === '23505')
      throw new RenxingError(
        'RX_RESILIENCE_ASSESSMENT_PENDING',
        { path: place.path, bank: bank.id },
        'body.place',
      );
    throw e;
  }
}

/** A place's self-assessments (within the caller's place): the latest and every one, newest first, with answers. */
export async function getSelfAssessment(
  db: Db,
  actor: ResilienceActor,
  path: string,
  o: { bank?: string } = {},
): Promise<{ place: PlaceRef; latest: Assessment | null; history: Assessment[] }> {
  const place = await placeRefByPath(db, path);
  if (!place || !inScope(place.path, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  const rows = await assessmentsOfPlace(db, place.id, o.bank);
  const history = await withAnswers(db, rows, await callerOf(db, actor));
  return { place, latest: history[0] ?? null, history };
}

export interface ListInput {
  state?: AssessmentState;
  /** Only places at or under this path (within the caller's place: else not found). */
  under?: string;
  bank?: string;
  limit?: number;
  offset?: number;
}

/** Self-assessments of places within the caller's place, newest first: with state `submitted`, the reviewers' queue. */
export async function listSelfAssessments(
  db: Db,
  actor: ResilienceActor,
  input: ListInput = {},
): Promise<{ total: number; assessments: AssessmentHead[] }> {
  if (input.under !== undefined && !inScope(input.under, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  const { total, rows } = await listAssessments(db, {
    under: input.under ?? actor.scope,
    state: input.state,
    bankId: input.bank,
    limit: input.limit ?? 100,
    offset: input.offset ?? 0,
  });
  return { total, assessments: await view(rows, await callerOf(db, actor)) };
}

/**
 * Approves or returns a submitted self-assessment. The reviewer is the one named at submission if
 * one was, else any official whose place is strictly above the assessed place; never the
 * submitter. Audited as `resilience_assessment.approve` / `.return`.
 */
export async function reviewSelfAssessment(
  db: Db,
  actor: ResilienceActor,
  id: string,
  input: ReviewInput,
): Promise<Assessment> {
  const note = input.note?.trim() || null;
  if (input.decision === 'return' && note === null)
    throw invalid('body.note', { en: 'say what to answer again', 'zh-CN': '退回时请说明需重新填写的内容' });
  if (note !== null && note.length > MAX_NOTE_CHARS)
    throw invalid('body.note', {
      en: `at most ${MAX_NOTE_CHARS} characters`,
      'zh-CN': `最多 ${MAX_NOTE_CHARS} 个字符`,
    });
  const caller = await callerOf(db, actor);
  await db.transaction(async (tx) => {
    const a = UUID.test(id) ? await assessmentById(tx, id, { lock: true }) : undefined;
    if (!a || !inScope(a.place.path, actor.scope))
      throw new RenxingError('RX_RESILIENCE_ASSESSMENT_NOT_FOUND', { id });
    if (a.state !== 'submitted')
      throw new RenxingError('RX_RESILIENCE_ASSESSMENT_STATE', { state: STATE_WORDS[a.state] });
    const problem = reviewerProblem(caller, {
      place: a.place.path,
      submittedBy: a.submittedBy?.id ?? null,
      reviewer: a.reviewer?.id ?? null,
    });
    if (problem || !caller) throw new RenxingError('RX_RESILIENCE_NOT_REVIEWER', { detail: problem ?? '' });
    const state = input.decision === 'approve' ? 'approved' : 'returned';
    if (!(await recordReview(tx, a.id, { state, by: caller.id, at: actor.now, note })))
      throw new RenxingError('RX_RESILIENCE_ASSESSMENT_STATE', { state: STATE_WORDS.approved });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: `resilience_assessment.${input.decision}`,
      subjectType: 'resilience_assessment',
      subjectId: a.id,
      detail: { place: a.place.path, bank: a.bankId, version: a.bankVersion, note },
    });
  });
  return (await withAnswers(db, [(await assessmentById(db, id))!], caller))[0];
}

export interface AssessmentSummaryView {
  id: string;
  bank: { id: string; version: number; title: Text };
  state: 'approved' | 'submitted';
  submittedAt: Date;
  reviewedAt: Date | null;
  summary: AssessmentSummary;
}

/** For a community page: the place's latest approved self-assessment, else its latest submitted one (null: none). */
export async function latestAssessmentSummary(
  db: Db,
  placeId: string,
): Promise<AssessmentSummaryView | null> {
  const row = UUID.test(placeId) ? await latestShown(db, placeId) : null;
  if (!row) return null;
  const [head] = await view([row], undefined);
  return {
    id: head.id,
    bank: head.bank,
    state: row.state as 'approved' | 'submitted',
    submittedAt: head.submittedAt,
    reviewedAt: head.reviewedAt,
    summary: head.summary,
  };
}
