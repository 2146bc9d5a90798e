import { RenxingError } from '@renxing/contracts';
import { forEachDatabase } from '@renxing/db/testing';
import { auditTrail } from '@renxing/modules/audit';
import { expect, it } from 'vitest';
import { shippedBank } from '../banks/banks.js';
import { actor, answersTo, assessmentCity, JD1, NOW, SQ1, SQ2, SQ9 } from '../http/test-support.js';
import type { QuestionBank } from '../rules/banks.js';
import {
  getSelfAssessment,
  latestAssessmentSummary,
  listQuestionBanks,
  listSelfAssessments,
  reviewSelfAssessment,
  submitSelfAssessment,
} from './assessments.js';

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function rejects(p: Promise<unknown>): Promise<RenxingError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(RenxingError);
  return e as RenxingError;
}

it('lists the shipped banks in full', async () => {
  const banks = await listQuestionBanks();
  expect(banks.map((b) => b.id)).toEqual(['three-mechanisms', 'undrr-ten-essentials']);
  expect(banks[1].sections).toHaveLength(10);
});

forEachDatabase(
  'resilience self-assessments',
  (t) => {
    const bank = async (): Promise<QuestionBank> => (await shippedBank('three-mechanisms', 1))!;

    it('submits with answers and summary in one audited transaction; the reviewer approves', async () => {
      const u = await assessmentCity(t.db);
      const b = await bank();
      // engineering answers 5, institutional 0 (no evidence needed), social 3
      const answers = answersTo(b, (i) => (i < 6 ? 5 : i < 12 ? 0 : 3)).map((a) =>
        a.score === 0 ? { question: a.question, score: 0 } : a,
      );
      const a = await submitSelfAssessment(t.db, actor(u.worker1, SQ1), {
        place: SQ1,
        bank: 'three-mechanisms',
        version: 1,
        answers: [...answers].reverse(),
      });
      expect(a).toMatchObject({
        place: { path: SQ1, name: '较场口社区', nameEn: 'Jiaochangkou', level: 'community' },
        bank: { id: 'three-mechanisms', version: 1, title: b.title },
        state: 'submitted',
        submittedBy: { id: u.worker1, name: 'worker1 name' },
        submittedAt: NOW,
        reviewer: null,
        reviewedBy: null,
        canReview: false,
      });
      expect(a.summary.mechanisms).toEqual({ engineering: 1, institutional: 0, social: 0.6 });
      expect(a.summary.traits.redundancy).toBeCloseTo((1 + 0 + 0.6) / 3, 12);
      expect(a.summary.answered).toBe(18);
      // kept in the bank's order whatever the order given
      expect(a.answers.map((x) => x.question)).toEqual(answers.map((x) => x.question));
      expect(a.answers[6]).toEqual({ question: 'institutional.self_organisation.1', score: 0, evidence: '' });
      const trail = await auditTrail(t.db, { type: 'resilience_assessment', id: a.id });
      expect(trail.map((r) => [r.actor, r.action])).toEqual([[u.worker1, 'resilience_assessment.submit']]);

      // The street sees it in its queue and may review it; the community worker may not.
      const queue = await listSelfAssessments(t.db, actor(u.street1, JD1), { state: 'submitted' });
      expect(queue.total).toBe(1);
      expect(queue.assessments[0]).toMatchObject({ id: a.id, canReview: true });
      expect('answers' in queue.assessments[0]).toBe(false);
      const mine = await listSelfAssessments(t.db, actor(u.worker1, SQ1), { state: 'submitted' });
      expect(mine.assessments[0].canReview).toBe(false);

      const approved = await reviewSelfAssessment(t.db, actor(u.street1, JD1, later(60)), a.id, {
        decision: 'approve',
        note: '  资料齐全  ',
      });
      expect(approved).toMatchObject({
        state: 'approved',
        reviewedBy: { id: u.street1 },
        reviewedAt: later(60),
        reviewNote: '资料齐全',
        canReview: false,
      });
      const after = await auditTrail(t.db, { type: 'resilience_assessment', id: a.id });
      expect(after.map((r) => r.action)).toEqual([
        'resilience_assessment.submit',
        'resilience_assessment.approve',
      ]);
      // reviewed once only
      const again = await rejects(
        reviewSelfAssessment(t.db, actor(u.yz1, 'cq.yz'), a.id, { decision: 'return', note: 'x' }),
      );
      expect(again.code).toBe('RX_RESILIENCE_ASSESSMENT_STATE');
      expect(again.text('zh-CN')).toContain('已通过');
    });

    it('refuses a place that is not a community or street within the caller’s, and answers that do not fit', async () => {
      const u = await assessmentCity(t.db);
      const b = await bank();
      const input = { bank: 'three-mechanisms', version: 1, answers: answersTo(b) };
      for (const [place, scope] of [
        [`${SQ1}.wg01`, SQ1], // a grid
        ['cq.yz', 'cq'], // a district
      ]) {
        const e = await rejects(submitSelfAssessment(t.db, actor(u.admin, scope), { ...input, place }));
        expect([e.code, e.field]).toEqual(['RX_RESILIENCE_ASSESSMENT_PLACE', 'body.place']);
      }
      // Outside the caller's place, as a place that does not exist: not found.
      for (const [place, scope] of [
        [SQ2, SQ1],
        ['cq.yz.jd01.sq77', 'cq'],
      ]) {
        const e = await rejects(submitSelfAssessment(t.db, actor(u.admin, scope), { ...input, place }));
        expect(e.code).toBe('RX_NOT_FOUND');
      }
      const unknown = await rejects(
        submitSelfAssessment(t.db, actor(u.worker1, SQ1), { ...input, place: SQ1, version: 9 }),
      );
      expect(unknown.code).toBe('RX_RESILIENCE_UNKNOWN_BANK');

      const missingEvidence = input.answers.map((a, i) => (i === 4 ? { ...a, evidence: ' ' } : a));
      const e = await rejects(
        submitSelfAssessment(t.db, actor(u.worker1, SQ1), {
          ...input,
          place: SQ1,
          answers: missingEvidence.slice(1),
        }),
      );
      expect(e.code).toBe('RX_RESILIENCE_ANSWERS');
      expect(e.field).toBe('body.answers[3].evidence');
      expect(e.text('en')).toContain('answers[3].evidence: evidence is required for a score above 0');
      expect(e.text('en')).toContain('answers: 1 question(s) not answered: engineering.self_organisation.1');
      expect(e.text('zh-CN')).toContain('分值高于 0 时须提供佐证');
      const none = await t.db.query('SELECT 1 FROM resilience_assessments');
      expect(none.rowCount).toBe(0);
    });

    it('a named reviewer: an official above the place, not the submitter; only they review', async () => {
      const u = await assessmentCity(t.db);
      const b = await bank();
      const input = { place: SQ1, bank: 'three-mechanisms', version: 1, answers: answersTo(b) };
      for (const reviewer of [u.worker2, u.jb1, u.street1, '00000000-0000-4000-8000-000000000000']) {
        const submitter = reviewer === u.street1 ? actor(u.street1, JD1) : actor(u.worker1, SQ1);
        const e = await rejects(submitSelfAssessment(t.db, submitter, { ...input, reviewer }));
        expect([e.code, e.field]).toEqual(['RX_VALIDATION', 'body.reviewer']);
      }
      const a = await submitSelfAssessment(t.db, actor(u.worker1, SQ1), { ...input, reviewer: u.street1b });
      expect(a.reviewer).toEqual({ id: u.street1b, name: 'street1b name' });
      const other = await rejects(
        reviewSelfAssessment(t.db, actor(u.street1, JD1), a.id, { decision: 'approve' }),
      );
      expect(other.code).toBe('RX_RESILIENCE_NOT_REVIEWER');
      expect(other.text('en')).toContain('another reviewer was named');
      const queue = await listSelfAssessments(t.db, actor(u.street1b, JD1));
      expect(queue.assessments[0].canReview).toBe(true);
      const ok = await reviewSelfAssessment(t.db, actor(u.street1b, JD1), a.id, { decision: 'approve' });
      expect(ok.state).toBe('approved');
    });

    it('never the submitter, never from the same level, never outside the caller’s place', async () => {
      const u = await assessmentCity(t.db);
      const b = await bank();
      const street = await submitSelfAssessment(t.db, actor(u.street1, JD1), {
        place: JD1,
        bank: 'three-mechanisms',
        version: 1,
        answers: answersTo(b),
      });
      const own = await rejects(
        reviewSelfAssessment(t.db, actor(u.street1, JD1), street.id, { decision: 'approve' }),
      );
      expect(own.code).toBe('RX_RESILIENCE_NOT_REVIEWER');
      expect(own.text('zh-CN')).toContain('不能审核自己提交的自评');
      // the other street officer is at the street itself, not above it
      const same = await rejects(
        reviewSelfAssessment(t.db, actor(u.street1b, JD1), street.id, { decision: 'approve' }),
      );
      expect(same.code).toBe('RX_RESILIENCE_NOT_REVIEWER');
      // another district's official does not see it at all
      const far = await rejects(
        reviewSelfAssessment(t.db, actor(u.jb1, 'cq.jb'), street.id, { decision: 'approve' }),
      );
      expect(far.code).toBe('RX_RESILIENCE_ASSESSMENT_NOT_FOUND');
      const junk = await rejects(
        reviewSelfAssessment(t.db, actor(u.yz1, 'cq.yz'), 'not-a-uuid', { decision: 'approve' }),
      );
      expect(junk.code).toBe('RX_RESILIENCE_ASSESSMENT_NOT_FOUND');
      // the system cannot review
      const system = await rejects(
        reviewSelfAssessment(t.db, actor(null, null), street.id, { decision: 'approve' }),
      );
      expect(system.code).toBe('RX_RESILIENCE_NOT_REVIEWER');
      const noNote = await rejects(
        reviewSelfAssessment(t.db, actor(u.yz1, 'cq.yz'), street.id, { decision: 'return' }),
      );
      expect([noNote.code, noNote.field]).toEqual(['RX_VALIDATION', 'body.note']);
      const district = await reviewSelfAssessment(t.db, actor(u.yz1, 'cq.yz'), street.id, {
        decision: 'return',
        note: '请补充演练记录',
      });
      expect(district).toMatchObject({
        state: 'returned',
        reviewNote: '请补充演练记录',
        reviewedBy: { id: u.yz1 },
      });
    });

    it('a returned assessment is answered again; history keeps every one, newest first; one pending at a time', async () => {
      const u = await assessmentCity(t.db);
      const b = await bank();
      const input = { place: SQ1, bank: 'three-mechanisms', version: 1 };
      const first = await submitSelfAssessment(t.db, actor(u.worker1, SQ1), {
        ...input,
        answers: answersTo(b, () => 1),
      });
      const pending = await rejects(
        submitSelfAssessment(t.db, actor(u.worker1, SQ1, later(1)), { ...input, answers: answersTo(b) }),
      );
      expect([pending.code, pending.status]).toEqual(['RX_RESILIENCE_ASSESSMENT_PENDING', 409]);
      // another bank may be pending beside it
      const undrr = (await shippedBank('undrr-ten-essentials', 1))!;
      const other = await submitSelfAssessment(t.db, actor(u.worker1, SQ1, later(2)), {
        ...input,
        bank: undrr.id,
        answers: answersTo(undrr, () => 2),
      });
      expect(await latestAssessmentSummary(t.db, first.place.id)).toMatchObject({
        id: other.id,
        state: 'submitted',
      });

      await reviewSelfAssessment(t.db, actor(u.street1, JD1, later(10)), first.id, {
        decision: 'return',
        note: '证据不足',
      });
      const second = await submitSelfAssessment(t.db, actor(u.worker1, SQ1, later(20)), {
        ...input,
        answers: answersTo(b, () => 4),
      });
      const got = await getSelfAssessment(t.db, actor(u.street1, JD1), SQ1);
      expect(got.place).toMatchObject({ path: SQ1, level: 'community' });
      expect(got.history.map((x) => [x.id, x.state])).toEqual([
        [second.id, 'submitted'],
        [other.id, 'submitted'],
        [first.id, 'returned'],
      ]);
      expect(got.latest?.id).toBe(second.id);
      expect(got.history[2].answers).toHaveLength(18);
      expect(got.history[0].summary.overall).toBeCloseTo(0.8, 12);
      const onlyThree = await getSelfAssessment(t.db, actor(u.worker1, SQ1), SQ1, {
        bank: 'three-mechanisms',
      });
      expect(onlyThree.history.map((x) => x.id)).toEqual([second.id, first.id]);

      // approved beats a later submission on the community page
      await reviewSelfAssessment(t.db, actor(u.street1, JD1, later(30)), other.id, { decision: 'approve' });
      const shown = await latestAssessmentSummary(t.db, first.place.id);
      expect(shown).toMatchObject({
        id: other.id,
        state: 'approved',
        bank: { id: 'undrr-ten-essentials', version: 1, title: undrr.title },
        submittedAt: later(2),
        reviewedAt: later(30),
      });
      for (const x of Object.values(shown!.summary.mechanisms)) expect(x).toBeCloseTo(2 / 3, 12);

      // scope: outside the caller's place reads as not found; the queue filters by state and place
      const outside = await rejects(getSelfAssessment(t.db, actor(u.worker2, SQ2), SQ1));
      expect(outside.code).toBe('RX_NOT_FOUND');
      expect((await rejects(listSelfAssessments(t.db, actor(u.worker2, SQ2), { under: SQ1 }))).code).toBe(
        'RX_NOT_FOUND',
      );
      const all = await listSelfAssessments(t.db, actor(u.admin, 'cq'), {});
      expect(all.total).toBe(3);
      expect(
        (await listSelfAssessments(t.db, actor(u.admin, 'cq'), { state: 'returned' })).assessments.map(
          (x) => x.id,
        ),
      ).toEqual([first.id]);
      const page = await listSelfAssessments(t.db, actor(u.admin, 'cq'), { limit: 1, offset: 1 });
      expect([page.total, page.assessments.map((x) => x.id)]).toEqual([3, [other.id]]);
      const beyond = await listSelfAssessments(t.db, actor(u.admin, 'cq'), { offset: 5 });
      expect([beyond.total, beyond.assessments]).toEqual([3, []]);
      expect((await listSelfAssessments(t.db, actor(u.jb1, 'cq.jb'), {})).total).toBe(0);
      expect(
        await latestAssessmentSummary(t.db, (await getSelfAssessment(t.db, actor(null, null), SQ9)).place.id),
      ).toBeNull();
    });
  },
  { migrate: true },
);
