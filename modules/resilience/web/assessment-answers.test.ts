import { describe, expect, it } from 'vitest';
import {
  answersOf,
  type Drafts,
  draftsOf,
  latestBanks,
  needsEvidence,
  problems,
  progress,
  questionOfField,
} from './assessment-answers.js';

const words = (s: string) => ({ en: s, 'zh-CN': s });
const question = (id: string) => ({
  id,
  text: words(id),
  evidence: words(`evidence of ${id}`),
  mechanism: 'social' as const,
  trait: 'redundancy' as const,
});
const bank = {
  scale: { min: 0, max: 3, labels: [0, 1, 2, 3].map((score) => ({ score, text: words(`s${score}`) })) },
  sections: [
    { id: 'a', title: words('A'), questions: [question('a.1'), question('a.2')] },
    { id: 'b', title: words('B'), questions: [question('b.1')] },
  ],
};

describe('the self-assessment form', () => {
  it('offers each bank once, at its latest version, in the order first listed', () => {
    const banks = [
      { id: 'undrr', version: 1 },
      { id: 'seed', version: 2 },
      { id: 'undrr', version: 3 },
      { id: 'seed', version: 1 },
    ];
    expect(latestBanks(banks)).toEqual([
      { id: 'undrr', version: 3 },
      { id: 'seed', version: 2 },
    ]);
  });

  it('counts the questions scored, a score of the minimum included', () => {
    expect(progress(bank, {})).toEqual({ answered: 0, total: 3 });
    const drafts: Drafts = { 'a.1': { score: 0, evidence: '' }, 'b.1': { evidence: 'typed, not scored' } };
    expect(progress(bank, drafts)).toEqual({ answered: 1, total: 3 });
  });

  it('asks evidence only above the minimum, and blank evidence is none', () => {
    expect(needsEvidence(bank, undefined)).toBe(false);
    expect(needsEvidence(bank, { score: 0, evidence: '' })).toBe(false);
    expect(needsEvidence(bank, { score: 1, evidence: '  ' })).toBe(true);
    expect(needsEvidence(bank, { score: 3, evidence: 'drill record 2026-05' })).toBe(false);
  });

  it('names every question left unanswered or without its evidence, in the bank order', () => {
    const drafts: Drafts = {
      'b.1': { score: 2, evidence: '' },
      'a.1': { score: 0, evidence: '' },
    };
    expect(problems(bank, drafts)).toEqual([
      { question: 'a.2', kind: 'unanswered' },
      { question: 'b.1', kind: 'evidence' },
    ]);
    expect(
      problems(bank, {
        ...drafts,
        'a.2': { score: 3, evidence: 'plan' },
        'b.1': { score: 2, evidence: 'x' },
      }),
    ).toEqual([]);
  });

  it('sends the answers in the bank order, evidence trimmed', () => {
    const drafts: Drafts = {
      'b.1': { score: 2, evidence: ' roster \n' },
      'a.1': { score: 0, evidence: '' },
      'a.2': { evidence: 'no score yet' },
    };
    expect(answersOf(bank, drafts)).toEqual([
      { question: 'a.1', score: 0, evidence: '' },
      { question: 'b.1', score: 2, evidence: 'roster' },
    ]);
  });

  it('finds the question a refusal names by its index into the answers sent', () => {
    const sent = [
      { question: 'a.1', score: 0, evidence: '' },
      { question: 'b.1', score: 2, evidence: '' },
    ];
    expect(questionOfField('body.answers[1].evidence', sent)).toBe('b.1');
    expect(questionOfField('answers[0].score', sent)).toBe('a.1');
    expect(questionOfField('body.answers[7].score', sent)).toBeNull();
    expect(questionOfField('body.answers', sent)).toBeNull();
    expect(questionOfField('body.reviewer', sent)).toBeNull();
    expect(questionOfField(undefined, sent)).toBeNull();
  });

  it('starts from a kept assessment, leaving out what the bank no longer asks', () => {
    const kept = [
      { question: 'a.1', score: 2, evidence: 'roster' },
      { question: 'gone', score: 3, evidence: 'x' },
      { question: 'b.1', score: 0, evidence: '' },
    ];
    const drafts = draftsOf(bank, kept);
    expect(drafts).toEqual({ 'a.1': { score: 2, evidence: 'roster' }, 'b.1': { score: 0, evidence: '' } });
    expect(progress(bank, drafts)).toEqual({ answered: 2, total: 3 });
  });
});
