/**
 * The self-assessment form's arithmetic, kept pure: which banks to offer, how far the answers
 * have got, which answers lack the evidence the API asks for, and which question a refusal names.
 */
import type { Answer, Bank } from './assessment-api.js';

/** A draft answer: the score chosen (none yet: undefined) and the evidence typed. */
export interface Draft {
  score?: number;
  evidence: string;
}
export type Drafts = Readonly<Record<string, Draft>>;

/** Each bank once, at its latest version, in the order first listed. */
export function latestBanks<B extends Pick<Bank, 'id' | 'version'>>(banks: readonly B[]): B[] {
  const latest = new Map<string, B>();
  for (const b of banks) {
    const seen = latest.get(b.id);
    if (!seen || b.version > seen.version) latest.set(b.id, b);
  }
  return [...latest.values()];
}

/** The bank's question ids in order. */
export const questionIds = (bank: Pick<Bank, 'sections'>): string[] =>
  bank.sections.flatMap((s) => s.questions.map((q) => q.id));

/** How many of the bank's questions have a score. */
export function progress(bank: Pick<Bank, 'sections'>, drafts: Drafts): { answered: number; total: number } {
  const ids = questionIds(bank);
  return { answered: ids.filter((id) => drafts[id]?.score !== undefined).length, total: ids.length };
}

/** Evidence is asked for every score above the scale's minimum (the API refuses it missing). */
export const needsEvidence = (bank: Pick<Bank, 'scale'>, draft: Draft | undefined): boolean =>
  draft?.score !== undefined && draft.score > bank.scale.min && draft.evidence.trim() === '';

export interface Problem {
  question: string;
  kind: 'unanswered' | 'evidence';
}

/** The questions that stop the answers going in: unanswered, or scored above the minimum without evidence. */
export function problems(bank: Pick<Bank, 'sections' | 'scale'>, drafts: Drafts): Problem[] {
  return questionIds(bank).flatMap((id): Problem[] => {
    const d = drafts[id];
    if (d?.score === undefined) return [{ question: id, kind: 'unanswered' }];
    return needsEvidence(bank, d) ? [{ question: id, kind: 'evidence' }] : [];
  });
}

/** The answers as the API takes them, in the bank's order (unanswered questions left out). */
export function answersOf(bank: Pick<Bank, 'sections'>, drafts: Drafts): Answer[] {
  return questionIds(bank).flatMap((id) => {
    const d = drafts[id];
    return d?.score === undefined ? [] : [{ question: id, score: d.score, evidence: d.evidence.trim() }];
  });
}

/**
 * The question a refusal's `field` names (`body.answers[3].evidence`: the index into the answers
 * sent); null for any other field (`body.answers` for questions left out, `body.reviewer` …).
 */
export function questionOfField(field: string | undefined, sent: readonly Answer[]): string | null {
  const at = field ? /(?:^|\.)answers\[(\d+)\]/.exec(field) : null;
  return at ? (sent[Number(at[1])]?.question ?? null) : null;
}

/** A kept assessment's answers as drafts to start from (answers to questions the bank no longer asks left out). */
export function draftsOf(bank: Pick<Bank, 'sections'>, answers: readonly Answer[]): Drafts {
  const asked = new Set(questionIds(bank));
  return Object.fromEntries(
    answers
      .filter((a) => asked.has(a.question))
      .map((a) => [a.question, { score: a.score, evidence: a.evidence }]),
  );
}
