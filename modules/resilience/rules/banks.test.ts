import { MECHANISMS, TRAITS } from '@renxing/contracts';
import { describe, expect, it } from 'vitest';
import { shippedBank, shippedBanks } from '../banks/banks.js';
import {
  type Answer,
  answerProblems,
  bankProblems,
  checkBank,
  MAX_EVIDENCE_CHARS,
  type Question,
  type QuestionBank,
  questionsOf,
  summarise,
} from './banks.js';

const t = (s: string) => ({ en: s, 'zh-CN': `中${s}` });
const q = (id: string, mechanism: Question['mechanism'], trait: Question['trait']): Question => ({
  id,
  text: t(`question ${id}`),
  evidence: t(`evidence ${id}`),
  mechanism,
  trait,
});

/** 0–4; two sections; no social question. */
const BANK: QuestionBank = {
  id: 'fixture-bank',
  version: 2,
  title: t('Fixture'),
  source: t('our own'),
  scale: { min: 0, max: 4, labels: [0, 1, 2, 3, 4].map((score) => ({ score, text: t(`level ${score}`) })) },
  sections: [
    {
      id: 's1',
      title: t('one'),
      questions: [q('s1.a', 'engineering', 'redundancy'), q('s1.b', 'engineering', 'adaptability')],
    },
    { id: 's2', title: t('two'), questions: [q('s2.a', 'institutional', 'redundancy')] },
  ],
};

const ok: Answer[] = [
  { question: 's1.a', score: 4, evidence: 'two pumps' },
  { question: 's1.b', score: 0 },
  { question: 's2.a', score: 1, evidence: 'a plan on paper' },
];

describe('bankProblems', () => {
  it('accepts a well-formed bank', () => {
    expect(bankProblems(BANK)).toEqual([]);
    expect(checkBank(structuredClone(BANK))).toEqual(BANK);
  });

  it('names the field of each problem', () => {
    const bad = structuredClone(BANK) as unknown as {
      version: number;
      title: unknown;
      scale: { labels: unknown[] };
      sections: { id: string; questions: Record<string, unknown>[] }[];
    };
    bad.version = 0;
    bad.title = { en: 'only English' };
    bad.scale.labels = bad.scale.labels.slice(1);
    bad.sections[1].id = 's1';
    bad.sections[1].questions[0].id = 's1.a';
    bad.sections[0].questions[1].mechanism = 'economic';
    bad.sections[0].questions[1].trait = 'robustness';
    bad.sections[0].questions[0].evidence = { en: '', 'zh-CN': '' };
    const fields = bankProblems(bad).map((p) => p.field);
    expect(fields).toEqual([
      'version',
      'title',
      'scale.labels',
      'scale.labels[0]',
      'scale.labels[1]',
      'scale.labels[2]',
      'scale.labels[3]',
      'sections[0].questions[0].evidence',
      'sections[0].questions[1].mechanism',
      'sections[0].questions[1].trait',
      'sections[1].id',
      'sections[1].questions[0].id',
    ]);
    expect(() => checkBank(bad)).toThrow(/version: a whole version from 1/);
  });

  it('refuses a scale whose min is not below its max, and a bank without sections', () => {
    const fields = bankProblems({ ...BANK, scale: { min: 3, max: 3, labels: [] }, sections: [] }).map(
      (p) => p.field,
    );
    expect(fields).toEqual(['scale', 'sections']);
    expect(bankProblems(null).map((p) => p.field)).toEqual(['bank']);
  });
});

describe('answerProblems', () => {
  it('accepts every question answered once, evidence above the minimum', () => {
    expect(answerProblems(BANK, ok)).toEqual([]);
  });

  it('requires every question, once', () => {
    const twice = answerProblems(BANK, [...ok, { question: 's1.a', score: 0 }]);
    expect(twice.map((p) => [p.field, p.text.en])).toEqual([['answers[3].question', 's1.a answered twice']]);
    const missing = answerProblems(BANK, ok.slice(1));
    expect(missing.map((p) => [p.field, p.text.en])).toEqual([
      ['answers', '1 question(s) not answered: s1.a'],
    ]);
    expect(missing[0].text['zh-CN']).toBe('1 道题未作答：s1.a');
    const unknown = answerProblems(BANK, [...ok, { question: 'nope', score: 0 }]);
    expect(unknown.map((p) => p.field)).toEqual(['answers[3].question']);
  });

  it('requires a whole score within the scale', () => {
    for (const score of [-1, 5, 2.5, Number.NaN]) {
      const problems = answerProblems(BANK, [{ ...ok[0], score }, ok[1], ok[2]]);
      expect(problems.map((p) => [p.field, p.text.en])).toEqual([
        ['answers[0].score', 'a whole score from 0 to 4'],
      ]);
    }
  });

  it('requires evidence above the minimum, at most 2,000 characters', () => {
    const blank = answerProblems(BANK, [{ ...ok[0], evidence: '   ' }, ok[1], ok[2]]);
    expect(blank.map((p) => [p.field, p.text.en])).toEqual([
      ['answers[0].evidence', 'evidence is required for a score above 0'],
    ]);
    expect(answerProblems(BANK, [ok[0], ok[1], { ...ok[2], evidence: null }]).map((p) => p.field)).toEqual([
      'answers[2].evidence',
    ]);
    const long = 'x'.repeat(MAX_EVIDENCE_CHARS + 1);
    expect(answerProblems(BANK, [ok[0], { ...ok[1], evidence: long }, ok[2]]).map((p) => p.field)).toEqual([
      'answers[1].evidence',
    ]);
    expect(
      answerProblems(BANK, [{ ...ok[0], evidence: 'x'.repeat(MAX_EVIDENCE_CHARS) }, ok[1], ok[2]]),
    ).toEqual([]);
  });
});

describe('summarise', () => {
  it('means the normalised answers by mechanism, trait and section', () => {
    const s = summarise(BANK, ok);
    // s1.a 4 → 1, s1.b 0 → 0, s2.a 1 → 0.25
    expect(s.mechanisms).toEqual({ engineering: 0.5, institutional: 0.25, social: null });
    expect(s.traits).toEqual({ self_organisation: null, redundancy: 0.625, adaptability: 0 });
    expect(s.sections).toEqual([
      { id: 's1', score: 0.5 },
      { id: 's2', score: 0.25 },
    ]);
    expect(s.overall).toBeCloseTo(1.25 / 3, 12);
    expect(s.answered).toBe(3);
  });

  it('normalises from the scale’s own minimum', () => {
    const shifted: QuestionBank = {
      ...BANK,
      scale: { min: 1, max: 5, labels: [1, 2, 3, 4, 5].map((score) => ({ score, text: t(`${score}`) })) },
    };
    const s = summarise(shifted, [
      { question: 's1.a', score: 5, evidence: 'e' },
      { question: 's1.b', score: 1 },
      { question: 's2.a', score: 3, evidence: 'e' },
    ]);
    expect(s.mechanisms).toEqual({ engineering: 0.5, institutional: 0.5, social: null });
  });
});

describe('the shipped banks', () => {
  it('are well formed, bilingual and cover every mechanism and trait', async () => {
    const banks = await shippedBanks();
    expect(banks.map((b) => `${b.id}@${b.version}`)).toEqual([
      'three-mechanisms@1',
      'undrr-ten-essentials@1',
    ]);
    for (const b of banks) {
      expect(bankProblems(b)).toEqual([]);
      const qs = questionsOf(b);
      for (const m of MECHANISMS) expect(qs.some((x) => x.mechanism === m)).toBe(true);
      for (const tr of TRAITS) expect(qs.some((x) => x.trait === tr)).toBe(true);
      // Chinese first, English equally complete: no text is a copy of the other.
      for (const x of qs) expect(x.text.en).not.toBe(x.text['zh-CN']);
    }
  });

  it('the Ten Essentials bank: 10 essentials × 3 questions, 0–3', async () => {
    const b = (await shippedBank('undrr-ten-essentials', 1))!;
    expect(b.scale).toMatchObject({ min: 0, max: 3 });
    expect(b.scale.labels.map((l) => l.score)).toEqual([0, 1, 2, 3]);
    expect(b.sections.map((s) => s.id)).toEqual([
      'e01',
      'e02',
      'e03',
      'e04',
      'e05',
      'e06',
      'e07',
      'e08',
      'e09',
      'e10',
    ]);
    for (const s of b.sections) expect(s.questions).toHaveLength(3);
  });

  it('the three-mechanisms bank: 2 questions for every mechanism × trait, 0–5', async () => {
    const b = (await shippedBank('three-mechanisms', 1))!;
    expect(b.scale).toMatchObject({ min: 0, max: 5 });
    const cells = new Map<string, number>();
    for (const x of questionsOf(b))
      cells.set(`${x.mechanism}/${x.trait}`, (cells.get(`${x.mechanism}/${x.trait}`) ?? 0) + 1);
    expect(cells.size).toBe(9);
    for (const n of cells.values()) expect(n).toBe(2);
    // every section holds one mechanism's questions
    for (const s of b.sections) expect(new Set(s.questions.map((x) => x.mechanism))).toEqual(new Set([s.id]));
    expect(await shippedBank('three-mechanisms', 2)).toBeUndefined();
  });
});
