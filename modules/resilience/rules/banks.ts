/**
 * Self-assessment question banks (shared/contracts/resilience-index.md, "Self-assessment"): the
 * bank format (data, versioned), checking a bank, checking answers against it, and the summary
 * shown as a radar beside the computed index. Pure: no I/O.
 */
import {
  isMechanism,
  isTrait,
  MECHANISMS,
  type Mechanism,
  type Text,
  TRAITS,
  type Trait,
} from '@renxing/contracts';

/** Evidence is at most this many characters per answer. */
export const MAX_EVIDENCE_CHARS = 2000;
/** A review note is at most this many characters. */
export const MAX_NOTE_CHARS = 2000;
/** A bank id: lower case words joined by `-` (`undrr-ten-essentials`). */
export const BANK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A question or section id: `[a-z0-9]` words joined by `.`, `_` or `-` (`e01.q2`, `engineering.redundancy.1`). */
export const ITEM_ID = /^[a-z0-9]+([._-][a-z0-9]+)*$/;

export interface ScaleLabel {
  score: number;
  text: Text;
}

export interface Scale {
  min: number;
  max: number;
  /** One label per whole score from min to max, in order. */
  labels: ScaleLabel[];
}

export interface Question {
  id: string;
  text: Text;
  /** What evidence the answer should give (documents, records, a walk-through, …). */
  evidence: Text;
  mechanism: Mechanism;
  trait: Trait;
}

export interface Section {
  id: string;
  title: Text;
  questions: Question[];
}

export interface QuestionBank {
  id: string;
  /** Whole versions from 1: an answered version never changes; a change is a new version. */
  version: number;
  title: Text;
  /** Where the structure comes from and that the words are ours. */
  source: Text;
  scale: Scale;
  sections: Section[];
}

/** One thing wrong, with the input it is about (`sections[2].questions[0].mechanism`, `answers[3].evidence`). */
export interface Problem {
  field: string;
  text: Text;
}

const p = (field: string, en: string, zh: string): Problem => ({ field, text: { en, 'zh-CN': zh } });

function isText(v: unknown): v is Text {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  return (
    typeof t.en === 'string' &&
    t.en.trim() !== '' &&
    typeof t['zh-CN'] === 'string' &&
    t['zh-CN'].trim() !== ''
  );
}

/** Everything wrong with a bank (empty: it can be used). Takes parsed JSON of any shape. */
export function bankProblems(bank: unknown): Problem[] {
  const out: Problem[] = [];
  if (typeof bank !== 'object' || bank === null) return [p('bank', 'not an object', '不是对象')];
  const b = bank as Record<string, unknown>;
  if (typeof b.id !== 'string' || !BANK_ID.test(b.id)) out.push(p('id', 'a lower-case id', '应为小写标识'));
  if (!Number.isInteger(b.version) || (b.version as number) < 1)
    out.push(p('version', 'a whole version from 1', '版本应为从 1 起的整数'));
  if (!isText(b.title)) out.push(p('title', 'a title in zh-CN and en', '标题须有中英文'));
  if (!isText(b.source)) out.push(p('source', 'a source note in zh-CN and en', '来源说明须有中英文'));
  const scale = b.scale as Record<string, unknown> | undefined;
  const min = scale?.min;
  const max = scale?.max;
  if (!Number.isInteger(min) || !Number.isInteger(max) || (min as number) >= (max as number)) {
    out.push(p('scale', 'whole min < max', '量表应为整数且 min < max'));
  } else {
    const labels = Array.isArray(scale?.labels) ? (scale.labels as unknown[]) : [];
    const want = (max as number) - (min as number) + 1;
    if (labels.length !== want)
      out.push(p('scale.labels', `${want} labels, one per score`, `应有 ${want} 个等级说明`));
    labels.forEach((l, i) => {
      const label = l as Record<string, unknown> | null;
      if (label?.score !== (min as number) + i || !isText(label?.text))
        out.push(
          p(
            `scale.labels[${i}]`,
            `score ${(min as number) + i} with text in zh-CN and en`,
            `应为分值 ${(min as number) + i} 及中英文说明`,
          ),
        );
    });
  }
  const sections = Array.isArray(b.sections) ? (b.sections as unknown[]) : null;
  if (!sections || sections.length === 0) {
    out.push(p('sections', 'at least one section', '至少一个部分'));
    return out;
  }
  const sectionIds = new Set<string>();
  const questionIds = new Set<string>();
  sections.forEach((s, i) => {
    const sec = (s ?? {}) as Record<string, unknown>;
    const at = `sections[${i}]`;
    if (typeof sec.id !== 'string' || !ITEM_ID.test(sec.id))
      out.push(p(`${at}.id`, 'a lower-case id', '应为小写标识'));
    else if (sectionIds.has(sec.id)) out.push(p(`${at}.id`, `${sec.id} twice`, `${sec.id} 重复`));
    else sectionIds.add(sec.id);
    if (!isText(sec.title)) out.push(p(`${at}.title`, 'a title in zh-CN and en', '标题须有中英文'));
    const questions = Array.isArray(sec.questions) ? (sec.questions as unknown[]) : [];
    if (questions.length === 0) out.push(p(`${at}.questions`, 'at least one question', '至少一道题'));
    questions.forEach((q, j) => {
      const qu = (q ?? {}) as Record<string, unknown>;
      const qat = `${at}.questions[${j}]`;
      if (typeof qu.id !== 'string' || !ITEM_ID.test(qu.id))
        out.push(p(`${qat}.id`, 'a lower-case id', '应为小写标识'));
      else if (questionIds.has(qu.id)) out.push(p(`${qat}.id`, `${qu.id} twice`, `${qu.id} 重复`));
      else questionIds.add(qu.id);
      if (!isText(qu.text)) out.push(p(`${qat}.text`, 'a question in zh-CN and en', '题目须有中英文'));
      if (!isText(qu.evidence))
        out.push(p(`${qat}.evidence`, 'the evidence asked, in zh-CN and en', '所需佐证须有中英文'));
      if (typeof qu.mechanism !== 'string' || !isMechanism(qu.mechanism))
        out.push(p(`${qat}.mechanism`, MECHANISMS.join(', '), MECHANISMS.join('、')));
      if (typeof qu.trait !== 'string' || !isTrait(qu.trait))
        out.push(p(`${qat}.trait`, TRAITS.join(', '), TRAITS.join('、')));
    });
  });
  return out;
}

/** The bank, checked: throws a RangeError listing its problems. */
export function checkBank(bank: unknown): QuestionBank {
  const problems = bankProblems(bank);
  if (problems.length > 0)
    throw new RangeError(
      `not a question bank: ${problems.map((x) => `${x.field}: ${x.text.en}`).join('; ')}`,
    );
  return bank as QuestionBank;
}

export interface Answer {
  question: string;
  score: number;
  /** Required (not blank) when the score is above the scale's minimum. */
  evidence?: string | null;
}

/** The questions of a bank in order. */
export function questionsOf(bank: QuestionBank): Question[] {
  return bank.sections.flatMap((s) => s.questions);
}

/**
 * Everything wrong with answers to a bank (empty: they can be kept). Every question is answered
 * exactly once (no skipping: "not in place" is the scale's minimum); a score is a whole number of the
 * scale; evidence is required when the score is above the minimum, at most MAX_EVIDENCE_CHARS.
 * Fields are `answers[i].…`, or `answers` for a question left out.
 */
export function answerProblems(bank: QuestionBank, answers: readonly Answer[]): Problem[] {
  const out: Problem[] = [];
  const known = new Set(questionsOf(bank).map((q) => q.id));
  const seen = new Set<string>();
  const { min, max } = bank.scale;
  answers.forEach((a, i) => {
    const at = `answers[${i}]`;
    if (!known.has(a.question))
      out.push(p(`${at}.question`, `no question ${a.question} in the bank`, `题库中没有题目 ${a.question}`));
    else if (seen.has(a.question))
      out.push(p(`${at}.question`, `${a.question} answered twice`, `${a.question} 重复作答`));
    else seen.add(a.question);
    if (!Number.isInteger(a.score) || a.score < min || a.score > max)
      out.push(p(`${at}.score`, `a whole score from ${min} to ${max}`, `分值应为 ${min} 到 ${max} 的整数`));
    const evidence = a.evidence ?? '';
    if (evidence.length > MAX_EVIDENCE_CHARS)
      out.push(
        p(`${at}.evidence`, `at most ${MAX_EVIDENCE_CHARS} characters`, `最多 ${MAX_EVIDENCE_CHARS} 个字符`),
      );
    else if (Number.isInteger(a.score) && a.score > min && evidence.trim() === '')
      out.push(
        p(`${at}.evidence`, `evidence is required for a score above ${min}`, `分值高于 ${min} 时须提供佐证`),
      );
  });
  const missing = [...known].filter((id) => !seen.has(id));
  if (missing.length > 0)
    out.push(
      p(
        'answers',
        `${missing.length} question(s) not answered: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
        `${missing.length} 道题未作答：${missing.slice(0, 5).join('、')}${missing.length > 5 ? '等' : ''}`,
      ),
    );
  return out;
}

export type MechanismSummary = Record<Mechanism, number | null>;
export type TraitSummary = Record<Trait, number | null>;

/** Answers as a radar: per mechanism, trait and section the mean answer normalised to 0–1, null where the bank asks nothing. */
export interface AssessmentSummary {
  mechanisms: MechanismSummary;
  traits: TraitSummary;
  sections: { id: string; score: number | null }[];
  /** The mean of every answer, normalised. */
  overall: number | null;
  answered: number;
}

/** The summary of answers (assumed checked; answers to unknown questions are ignored). */
export function summarise(bank: QuestionBank, answers: readonly Answer[]): AssessmentSummary {
  const { min, max } = bank.scale;
  const scoreOf = new Map(answers.map((a) => [a.question, (a.score - min) / (max - min)]));
  const mean = (xs: number[]): number | null =>
    xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
  const byMechanism = new Map<Mechanism, number[]>(MECHANISMS.map((m) => [m, []]));
  const byTrait = new Map<Trait, number[]>(TRAITS.map((t) => [t, []]));
  const all: number[] = [];
  const sections = bank.sections.map((s) => {
    const xs: number[] = [];
    for (const q of s.questions) {
      const x = scoreOf.get(q.id);
      if (x === undefined) continue;
      xs.push(x);
      all.push(x);
      byMechanism.get(q.mechanism)!.push(x);
      byTrait.get(q.trait)!.push(x);
    }
    return { id: s.id, score: mean(xs) };
  });
  return {
    mechanisms: Object.fromEntries(MECHANISMS.map((m) => [m, mean(byMechanism.get(m)!)])) as MechanismSummary,
    traits: Object.fromEntries(TRAITS.map((t) => [t, mean(byTrait.get(t)!)])) as TraitSummary,
    sections,
    overall: mean(all),
    answered: all.length,
  };
}
