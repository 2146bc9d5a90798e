import { forEachDatabase } from '@renxing/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import type { QuestionBank } from '../rules/banks.js';
import { answersTo, assessmentCity, NOW, resilienceApp, SQ1, SQ2, signIn } from './test-support.js';

forEachDatabase(
  'resilience self-assessments http',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });
    const start = async () => {
      const users = await assessmentCity(t.db);
      app = await resilienceApp(t.db, { now: () => NOW.getTime() / 1000 });
      return users;
    };

    it('a community answers, the street reviews, the community answers again', async () => {
      const users = await start();
      const worker = await signIn(app!, 'worker1');
      const banksRes = await app!.inject({ method: 'GET', url: '/api/resilience/banks', headers: worker });
      expect(banksRes.statusCode).toBe(200);
      const banks: QuestionBank[] = banksRes.json().banks;
      expect(banks.map((b) => [b.id, b.version])).toEqual([
        ['three-mechanisms', 1],
        ['undrr-ten-essentials', 1],
      ]);
      const undrr = banks[1];
      expect(undrr.sections[0].questions[0]).toMatchObject({
        id: 'e01.q1',
        mechanism: 'institutional',
        trait: 'self_organisation',
      });
      expect(undrr.sections[0].questions[0].evidence['zh-CN']).toBeTruthy();

      const submit = await app!.inject({
        method: 'POST',
        url: '/api/resilience/assessments',
        headers: worker,
        payload: { place: SQ1, bank: undrr.id, version: 1, answers: answersTo(undrr, (i) => i % 4) },
      });
      expect(submit.statusCode).toBe(201);
      const a = submit.json();
      expect(a).toMatchObject({
        place: { path: SQ1 },
        state: 'submitted',
        submittedAt: NOW.toISOString(),
        reviewedAt: null,
        canReview: false,
      });
      expect(a.answers).toHaveLength(30);
      expect(Object.keys(a.summary.mechanisms)).toEqual(['engineering', 'institutional', 'social']);
      expect(a.summary.sections).toHaveLength(10);

      // A community worker may not review at all (the access table: reads as not found); the street's officer may.
      const refused = await app!.inject({
        method: 'POST',
        url: `/api/resilience/assessments/${a.id}/review`,
        headers: worker,
        payload: { decision: 'approve' },
      });
      expect(refused.statusCode).toBe(404);
      const street = await signIn(app!, 'street1');
      const queue = await app!.inject({
        method: 'GET',
        url: '/api/resilience/assessments?state=submitted',
        headers: street,
      });
      expect(queue.statusCode).toBe(200);
      expect(queue.json()).toMatchObject({ total: 1, assessments: [{ id: a.id, canReview: true }] });
      expect(queue.json().assessments[0].answers).toBeUndefined();

      const ret = await app!.inject({
        method: 'POST',
        url: `/api/resilience/assessments/${a.id}/review`,
        headers: { ...street, 'accept-language': 'zh-CN' },
        payload: { decision: 'return', note: '第二项缺少会议纪要' },
      });
      expect(ret.statusCode).toBe(200);
      expect(ret.json()).toMatchObject({ state: 'returned', reviewedBy: { id: users.street1 } });
      const twice = await app!.inject({
        method: 'POST',
        url: `/api/resilience/assessments/${a.id}/review`,
        headers: { ...street, 'accept-language': 'zh-CN' },
        payload: { decision: 'approve' },
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: 'RX_RESILIENCE_ASSESSMENT_STATE' });
      expect(twice.json().message).toContain('已退回');

      const again = await app!.inject({
        method: 'POST',
        url: '/api/resilience/assessments',
        headers: worker,
        payload: {
          place: SQ1,
          bank: undrr.id,
          version: 1,
          answers: answersTo(undrr),
          reviewer: users.street1,
        },
      });
      expect(again.statusCode).toBe(201);
      const got = await app!.inject({
        method: 'GET',
        url: `/api/resilience/assessments/${SQ1}`,
        headers: worker,
      });
      expect(got.statusCode).toBe(200);
      const body = got.json();
      expect(body.place).toMatchObject({ path: SQ1, name: '较场口社区' });
      expect(body.latest).toMatchObject({
        id: again.json().id,
        reviewer: { id: users.street1 },
        summary: { overall: 1 },
      });
      expect(body.history.map((x: { state: string }) => x.state)).toEqual(['submitted', 'returned']);
      expect(body.history[1].reviewNote).toBe('第二项缺少会议纪要');
    });

    it('answers field by field; scope reads as not found; bodies are validated', async () => {
      await start();
      const worker = await signIn(app!, 'worker1');
      const banks: QuestionBank[] = (
        await app!.inject({ method: 'GET', url: '/api/resilience/banks', headers: worker })
      ).json().banks;
      const three = banks[0];
      const answers = answersTo(three);
      answers[2] = { question: answers[2].question, score: 3 };
      const bad = await app!.inject({
        method: 'POST',
        url: '/api/resilience/assessments',
        headers: worker,
        payload: { place: SQ1, bank: three.id, version: 1, answers },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'RX_RESILIENCE_ANSWERS', field: 'body.answers[2].evidence' });

      const place = await app!.inject({
        method: 'POST',
        url: '/api/resilience/assessments',
        headers: worker,
        payload: { place: SQ2, bank: three.id, version: 1, answers: answersTo(three) },
      });
      expect(place.statusCode).toBe(404); // outside the worker's community: as if it did not exist

      const noBank = await app!.inject({
        method: 'POST',
        url: '/api/resilience/assessments',
        headers: worker,
        payload: { place: SQ1, bank: 'nope', version: 1, answers: [] },
      });
      expect([noBank.statusCode, noBank.json().code]).toEqual([404, 'RX_RESILIENCE_UNKNOWN_BANK']);

      const extra = await app!.inject({
        method: 'POST',
        url: '/api/resilience/assessments',
        headers: worker,
        payload: { place: SQ1, bank: three.id, version: 1, answers: [], extra: true },
      });
      expect(extra.statusCode).toBe(400);
      const longEvidence = await app!.inject({
        method: 'POST',
        url: '/api/resilience/assessments',
        headers: worker,
        payload: {
          place: SQ1,
          bank: three.id,
          version: 1,
          answers: [{ question: 'x', score: 1, evidence: 'x'.repeat(2001) }],
        },
      });
      expect(longEvidence.statusCode).toBe(400);

      const elsewhere = await app!.inject({
        method: 'GET',
        url: `/api/resilience/assessments/${SQ2}`,
        headers: worker,
      });
      expect(elsewhere.statusCode).toBe(404);
      const under = await app!.inject({
        method: 'GET',
        url: `/api/resilience/assessments?under=${SQ2}`,
        headers: worker,
      });
      expect(under.statusCode).toBe(404);
      const badState = await app!.inject({
        method: 'GET',
        url: '/api/resilience/assessments?state=lost',
        headers: worker,
      });
      expect(badState.statusCode).toBe(400);
      const review = await app!.inject({
        method: 'POST',
        url: '/api/resilience/assessments/00000000-0000-4000-8000-000000000000/review',
        headers: await signIn(app!, 'street1'),
        payload: { decision: 'approve' },
      });
      expect([review.statusCode, review.json().code]).toEqual([404, 'RX_RESILIENCE_ASSESSMENT_NOT_FOUND']);
      const anonymous = await app!.inject({ method: 'GET', url: '/api/resilience/banks' });
      expect(anonymous.statusCode).toBe(401);
    });

    it('publishes the five operations', async () => {
      await start();
      await app!.ready();
      const doc = app!.swagger() as { paths: Record<string, Record<string, { operationId?: string }>> };
      const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
      expect(ops).toEqual(
        expect.arrayContaining([
          'listQuestionBanks',
          'submitSelfAssessment',
          'getSelfAssessment',
          'listSelfAssessments',
          'reviewSelfAssessment',
        ]),
      );
    });
  },
  { migrate: true },
);
