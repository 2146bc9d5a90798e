/**
 * The resilience index in the access matrix: who may call each of its operations, its fixture (the
 * index computed for the matrix's date, a self-assessment awaiting review in the matrix users'
 * community and one in 江北), its requests in and out of scope, its fuzz routes.
 */
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import {
  computeResilienceIndex,
  type QuestionBank,
  shippedBank,
  submitSelfAssessment,
} from '@renxing/modules/resilience';
import type { InjectOptions } from 'fastify';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];
const ABOVE_COMMUNITY: UserRole[] = ['city_admin', 'district_officer', 'street_officer'];

export const RESILIENCE_ACCESS: Record<string, UserRole[]> = {
  listResilienceIndicators: STAFF,
  updateResilienceIndicator: ['city_admin'],
  importResilienceIndicators: ['city_admin'],
  importResilienceValues: ['city_admin'],
  computeResilienceIndex: ['city_admin'],
  getResilienceIndex: STAFF,
  getCommunityResilience: STAFF,
  explainResilienceScore: STAFF,
  sendResilienceTask: STAFF,
  listQuestionBanks: STAFF,
  submitSelfAssessment: STAFF,
  getSelfAssessment: STAFF,
  listSelfAssessments: STAFF,
  reviewSelfAssessment: ABOVE_COMMUNITY,
};

export interface ResilienceFixture {
  date: string;
  /** A self-assessment of cq.yz.jd01.sq01 awaiting review. */
  assessmentIn: string;
  /** One of cq.jb.jd03.sq09. */
  assessmentOut: string;
  /** Answers to the UNDRR bank (all at the scale's minimum: no evidence needed). */
  undrrAnswers: { question: string; score: number; evidence: string }[];
}

const SQ1 = 'cq.yz.jd01.sq01';
const SQ9 = 'cq.jb.jd03.sq09';

const lowest = (bank: QuestionBank) =>
  bank.sections
    .flatMap((s) => s.questions)
    .map((q) => ({ question: q.id, score: bank.scale.min, evidence: '' }));

/**
 * The index of the matrix's date, computed as the system over everything the other areas seeded,
 * and two self-assessments awaiting review, submitted by `userId` (a city-level user who is none
 * of the matrix's roles, so every reviewer may review them).
 */
export async function seedResilience(db: Db, o: { now: number; userId: string }): Promise<ResilienceFixture> {
  const now = new Date(o.now * 1000);
  const run = await computeResilienceIndex(db, { actor: { userId: null, scope: null, now } });
  const three = await shippedBank('three-mechanisms', 1);
  const undrr = await shippedBank('undrr-ten-essentials', 1);
  if (!three || !undrr) throw new Error('the shipped question banks are missing');
  const submit = (place: string) =>
    submitSelfAssessment(
      db,
      { userId: o.userId, scope: 'cq', now },
      { place, bank: three.id, version: three.version, answers: lowest(three) },
    );
  return {
    date: run.date,
    assessmentIn: (await submit(SQ1)).id,
    assessmentOut: (await submit(SQ9)).id,
    undrrAnswers: lowest(undrr),
  };
}

/** The request for a resilience operation in or out of scope (null: none out of scope), or undefined for another. */
export function resilienceRequest(op: string, f: ResilienceFixture, out: boolean): Req | null | undefined {
  const community = out ? SQ9 : SQ1;
  switch (op) {
    case 'listResilienceIndicators':
      return out ? null : { method: 'GET', url: '/api/resilience/indicators' };
    case 'updateResilienceIndicator':
      return out
        ? null
        : {
            method: 'PATCH',
            url: '/api/resilience/indicators/volunteers.per_1000',
            payload: { enabled: true },
          };
    case 'importResilienceIndicators':
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/resilience/indicators/import',
            headers: { 'content-type': 'text/csv' },
            payload:
              'key,mechanism,trait,direction,unit,title,title_en,definition\n' +
              'city.drills_per_year,institutional,adaptability,higher,count,年度演练次数,Drills a year,社区每年组织的应急演练次数\n',
          };
    case 'importResilienceValues':
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/resilience/values/import',
            headers: { 'content-type': 'text/csv' },
            payload: `community,key,value\n${SQ1},city.drills_per_year,3\n`,
          };
    case 'computeResilienceIndex':
      return out ? null : { method: 'POST', url: '/api/resilience/index/compute', payload: { date: f.date } };
    case 'getResilienceIndex':
      return { method: 'GET', url: `/api/resilience/index?date=${f.date}${out ? '&under=cq.jb' : ''}` };
    case 'getCommunityResilience':
      return { method: 'GET', url: `/api/resilience/communities/${community}?date=${f.date}` };
    case 'explainResilienceScore':
      return {
        method: 'GET',
        url: `/api/resilience/communities/${community}/explain?date=${f.date}&key=volunteers.per_1000`,
      };
    case 'sendResilienceTask':
      return {
        method: 'POST',
        url: `/api/resilience/communities/${community}/tasks`,
        payload: { key: 'volunteers.per_1000', date: f.date },
      };
    case 'listQuestionBanks':
      return out ? null : { method: 'GET', url: '/api/resilience/banks' };
    case 'submitSelfAssessment':
      return {
        method: 'POST',
        url: '/api/resilience/assessments',
        payload: { place: community, bank: 'undrr-ten-essentials', version: 1, answers: f.undrrAnswers },
      };
    case 'getSelfAssessment':
      return { method: 'GET', url: `/api/resilience/assessments/${community}` };
    case 'listSelfAssessments':
      return { method: 'GET', url: `/api/resilience/assessments${out ? '?under=cq.jb' : ''}` };
    case 'reviewSelfAssessment':
      return {
        method: 'POST',
        url: `/api/resilience/assessments/${out ? f.assessmentOut : f.assessmentIn}/review`,
        payload: { decision: 'approve', note: '材料齐全' },
      };
    default:
      return undefined;
  }
}

const NO_ONE = '00000000-0000-4000-8000-000000000000';

/** The resilience routes for apps/api/src/fuzz.test.ts, as the city admin (who may call them all). */
export const RESILIENCE_FUZZ_ROUTES = [
  { method: 'GET' as const, url: '/api/resilience/indicators', auth: true, admin: true },
  {
    method: 'PATCH' as const,
    url: '/api/resilience/indicators/volunteers.per_1000',
    auth: true,
    admin: true,
  },
  { method: 'POST' as const, url: '/api/resilience/indicators/import', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/resilience/values/import', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/resilience/index/compute', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/resilience/index', auth: true, admin: true },
  { method: 'GET' as const, url: `/api/resilience/communities/${SQ1}`, auth: true, admin: true },
  { method: 'GET' as const, url: `/api/resilience/communities/${SQ1}/explain`, auth: true, admin: true },
  { method: 'POST' as const, url: `/api/resilience/communities/${SQ1}/tasks`, auth: true, admin: true },
  { method: 'GET' as const, url: '/api/resilience/banks', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/resilience/assessments', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/resilience/assessments', auth: true, admin: true },
  { method: 'GET' as const, url: `/api/resilience/assessments/${SQ1}`, auth: true, admin: true },
  { method: 'POST' as const, url: `/api/resilience/assessments/${NO_ONE}/review`, auth: true, admin: true },
];
