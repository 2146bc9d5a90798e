/** Self-assessments' API calls and the shapes the console reads of them (see /openapi.json, tag resilience). */
import { allOf, type Body, type Ok, type Query } from '@renxing/ui/api-types';
import { api } from '@renxing/ui/client';

// Every type below comes from the API's schemas (packages/ui/src/generated/openapi.ts, see
// @renxing/ui/api-types).

/** listQuestionBanks: the banks in full. */
export type Bank = Ok<'listQuestionBanks'>['banks'][number];
export type Section = Bank['sections'][number];
export type Question = Section['questions'][number];
/** A bank's own words (titles, questions, scale labels): zh-CN and en. */
export type Words = Bank['title'];

/** getSelfAssessment: a place's latest self-assessment and every one, newest first, with answers. */
export type PlaceAssessments = Ok<'getSelfAssessment'>;
export type Assessment = PlaceAssessments['history'][number];
export type Answer = Assessment['answers'][number];
export type Summary = Assessment['summary'];

/** listSelfAssessments: a row, without its answers. */
export type AssessmentList = Ok<'listSelfAssessments'>;
export type AssessmentHead = AssessmentList['assessments'][number];
export type AssessmentQuery = Query<'listSelfAssessments'>;

export type AssessmentState = AssessmentHead['state'];
export const ASSESSMENT_STATES = allOf<AssessmentState>()(['submitted', 'approved', 'returned']);

/** submitSelfAssessment, reviewSelfAssessment */
export type NewAssessment = Body<'submitSelfAssessment'>;
export type Review = Body<'reviewSelfAssessment'>;

// The radar's six axes: the three mechanisms, then the three traits (the summary's keys).
export type Mechanism = keyof Summary['mechanisms'];
export type Trait = keyof Summary['traits'];
export const MECHANISMS = allOf<Mechanism>()(['engineering', 'institutional', 'social']);
export const TRAITS = allOf<Trait>()(['self_organisation', 'redundancy', 'adaptability']);
export const DIMENSIONS = [...MECHANISMS, ...TRAITS] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Scores 0–1 by mechanism and trait (null or absent: none). */
export type Scores = Partial<Record<Dimension, number | null>>;

/** An assessment's summary as the radar's six axes. */
export const scoresOf = (summary: Summary): Scores => ({ ...summary.mechanisms, ...summary.traits });

const seg = (s: string) => encodeURIComponent(s);

export const listQuestionBanks = (signal?: AbortSignal) =>
  api.get<Ok<'listQuestionBanks'>>('/api/resilience/banks', undefined, signal);

export const submitSelfAssessment = (body: NewAssessment) =>
  api.post<Ok<'submitSelfAssessment'>>('/api/resilience/assessments', body);

export const getSelfAssessment = (path: string, signal?: AbortSignal) =>
  api.get<PlaceAssessments>(`/api/resilience/assessments/${seg(path)}`, undefined, signal);

export const listSelfAssessments = (query: AssessmentQuery, signal?: AbortSignal) =>
  api.get<AssessmentList>('/api/resilience/assessments', { ...query }, signal);

export const reviewSelfAssessment = (id: string, body: Review) =>
  api.post<Ok<'reviewSelfAssessment'>>(`/api/resilience/assessments/${seg(id)}/review`, body);
