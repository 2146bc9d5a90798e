/**
 * Self-assessments: listQuestionBanks, submitSelfAssessment, getSelfAssessment,
 * listSelfAssessments, reviewSelfAssessment (shared/contracts/resilience-index.md, "Self-assessment").
 */
import { type AppContext, commonErrors, errorRef, typed, uuidParams } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ResilienceActor } from '../service/actor.js';
import {
  getSelfAssessment,
  listQuestionBanks,
  listSelfAssessments,
  reviewSelfAssessment,
  submitSelfAssessment,
} from '../service/assessments.js';
import {
  assessmentPathParams,
  assessmentSchema,
  banksSchema,
  getQuery,
  listQuery,
  listSchema,
  placeAssessmentsSchema,
  reviewBody,
  submitBody,
} from './schemas-assessments.js';

const TAGS = ['resilience'];

export default async function assessmentRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  const actorOf = (request: FastifyRequest): ResilienceActor => {
    const { user, scope } = scopeOf(request);
    return { userId: user.id, scope, now: new Date(ctx.now() * 1000) };
  };

  api.get(
    '/resilience/banks',
    {
      schema: {
        operationId: 'listQuestionBanks',
        summary: 'The self-assessment question banks, in full (sections, questions, scale, evidence asked)',
        description:
          'Shipped as data and versioned: one organised by the UNDRR Ten Essentials for Making Cities Resilient and one by the ' +
          'three mechanisms (engineering, institutional, social) × three traits, questions in our own words. Every question names ' +
          'its mechanism and trait, so answers show as a radar beside the computed index.',
        tags: TAGS,
        response: { 200: banksSchema, ...commonErrors },
      },
    },
    async (request) => {
      scopeOf(request);
      return { banks: await listQuestionBanks() };
    },
  );

  api.post(
    '/resilience/assessments',
    {
      schema: {
        operationId: 'submitSelfAssessment',
        summary: 'Submit a self-assessment of a community or street within your place (audited)',
        description:
          "Every question of the bank answered once with a whole score of its scale; evidence is required for a score above the scale's " +
          'minimum (at most 2,000 characters). A reviewer may be named (an official whose place is above the place, not you); ' +
          'otherwise any such official may review it. One submission per place and bank awaits review at a time (409); a returned ' +
          'one is answered again by submitting anew, and every submission is kept.',
        tags: TAGS,
        body: submitBody,
        response: { 201: assessmentSchema, 409: errorRef, ...commonErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const created = await submitSelfAssessment(db, actorOf(request), {
        place: b.place,
        bank: b.bank,
        version: b.version,
        answers: b.answers.map((a) => ({
          question: a.question,
          score: a.score,
          evidence: a.evidence ?? null,
        })),
        reviewer: b.reviewer ?? null,
      });
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/resilience/assessments',
    {
      schema: {
        operationId: 'listSelfAssessments',
        summary:
          'Self-assessments of places within your place, newest first (state=submitted: the reviewers’ queue; canReview says which are yours to review)',
        tags: TAGS,
        querystring: listQuery,
        response: { 200: listSchema, ...commonErrors },
      },
    },
    async (request) => listSelfAssessments(db, actorOf(request), request.query),
  );

  api.get(
    '/resilience/assessments/:path',
    {
      schema: {
        operationId: 'getSelfAssessment',
        summary:
          "A community's or street's self-assessments: the latest and every one, newest first, with answers and summary",
        tags: TAGS,
        params: assessmentPathParams,
        querystring: getQuery,
        response: { 200: placeAssessmentsSchema, ...commonErrors },
      },
    },
    async (request) => getSelfAssessment(db, actorOf(request), request.params.path, request.query),
  );

  api.post(
    '/resilience/assessments/:id/review',
    {
      schema: {
        operationId: 'reviewSelfAssessment',
        summary: 'Approve or return a submitted self-assessment (audited)',
        description:
          'The reviewer is the one named at submission if one was, else any official whose place is strictly above the assessed ' +
          'place, never the submitter (403 otherwise). Only a submitted one can be reviewed (409). Returning needs a note saying what ' +
          'to answer again.',
        tags: TAGS,
        params: uuidParams,
        body: reviewBody,
        response: { 200: assessmentSchema, 409: errorRef, ...commonErrors },
      },
    },
    async (request) =>
      reviewSelfAssessment(db, actorOf(request), request.params.id, {
        decision: request.body.decision,
        note: request.body.note ?? null,
      }),
  );
}
