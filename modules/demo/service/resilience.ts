/**
 * The demo city's resilience index (韧性指数): the index computed for each of the last 30 city
 * dates (so the trends have a history: the demo's data arrive over that month), and a few
 * self-assessments — the focus community's on the UNDRR Ten Essentials bank, approved by the
 * street with evidence for every answer, and on the three-mechanisms bank, submitted and awaiting
 * the street's review; two neighbours of the focus street approved on the UNDRR bank.
 *
 * Deterministic (a seeded stream; every time is relative to the demo's `now`) and idempotent: a
 * date's run is replaced by computing it again; self-assessments already made are read back, not
 * made again. Everything goes through the resilience services, audited as the people who would do it.
 */
import type { Db } from '@renxing/db';
import {
  computeResilienceIndex,
  getSelfAssessment,
  listQuestionBanks,
  listSelfAssessments,
  type ResilienceActor,
  resilienceCityDate,
  reviewSelfAssessment,
  submitSelfAssessment,
} from '@renxing/modules/resilience';

const DAY = 86_400_000;

export interface DemoResilienceOptions {
  now: Date;
  /** The city admin (answers for the neighbours), the focus community’s worker (answers for it) and the street officer (reviews). */
  admin: string;
  worker: string;
  street: string;
  /** The focus community's path. */
  focus: string;
  /** The city's communities (paths): two of the focus street's others answer too. */
  communities: readonly string[];
  /** Days of history (default 30). */
  days?: number;
  log?: (line: string) => void;
}

export interface DemoResilienceResult {
  /** Dates computed, oldest first. */
  dates: string[];
  /** Communities scored on the last date. */
  communities: number;
  /** Self-assessments: approved and awaiting review. */
  approved: number;
  submitted: number;
}

/** mulberry32: a small seeded stream, so the demo is the same every time. */
function stream(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a community would cite for an answer (its own records, in its own words). */
const EVIDENCE = [
  '社区应急预案（2026 年修订版）及居民议事会审议记录，存社区档案室',
  '最近一次应急演练的方案、签到表、照片和总结，演练后已据此修改预案',
  '网格员花名册与分片包干表，每月更新一次，附联系电话',
  '志愿服务队名册与培训记录（急救、转移引导），平台可查',
  '与物业、驻区单位签订的应急互助协议及联络人清单',
  '应急物资储备清单与每季度盘点记录，缺口已报街道',
  '避难场所标识、疏散路线图张贴照片及居民告知书',
  '独居老人、残障人士等重点人群台账及结对帮扶名单',
  '上一次暴雨内涝的处置记录与复盘报告，整改事项已逐项销号',
  '居民应急知识宣传活动记录与参与人数统计',
];

/** Answers to every question of a bank: scores drawn around `level`, evidence for each above the minimum. */
function answersFor(
  bank: { scale: { min: number; max: number }; sections: { questions: { id: string }[] }[] },
  level: number,
  rnd: () => number,
) {
  const { min, max } = bank.scale;
  return bank.sections
    .flatMap((s) => s.questions)
    .map((q, i) => {
      const score = Math.max(min, Math.min(max, Math.round(min + level * (max - min) + (rnd() - 0.5) * 2)));
      return {
        question: q.id,
        score,
        evidence: score > min ? EVIDENCE[(i + Math.floor(rnd() * EVIDENCE.length)) % EVIDENCE.length] : '',
      };
    });
}

export async function seedResilience(db: Db, o: DemoResilienceOptions): Promise<DemoResilienceResult> {
  const log = o.log ?? (() => {});
  const days = o.days ?? 30;
  // Computed as the daily run does (the system).
  const system: ResilienceActor = { userId: null, scope: null, now: o.now };
  const today = resilienceCityDate(o.now);
  const dates = Array.from({ length: days }, (_, k) =>
    resilienceCityDate(new Date(o.now.getTime() - (days - 1 - k) * DAY)),
  );
  let communities = 0;
  for (const date of dates) {
    const run = await computeResilienceIndex(db, { date, actor: system });
    communities = run.communities;
    if (date === dates[0] || date === today)
      log(
        `resilience index ${date}: ${run.communities} communities, ${run.indicators.length - run.absent.length} indicators with values`,
      );
  }

  // Self-assessments: the focus community's two, and two neighbours' in the focus street.
  const street = o.focus.split('.').slice(0, 3).join('.');
  const banks = await listQuestionBanks();
  const undrr = banks.find((b) => b.id === 'undrr-ten-essentials');
  const three = banks.find((b) => b.id === 'three-mechanisms');
  let approved = 0;
  let submitted = 0;
  if (!undrr || !three) return { dates, communities, approved, submitted };
  const reviewer: ResilienceActor = { userId: o.street, scope: street, now: o.now };
  const existing = await getSelfAssessment(db, reviewer, o.focus);
  if (existing.history.length > 0) {
    const { assessments } = await listSelfAssessments(db, reviewer);
    const count = (state: string) => assessments.filter((a) => a.state === state).length;
    return { dates, communities, approved: count('approved'), submitted: count('submitted') };
  }
  const rnd = stream(15);
  const at = (daysAgo: number) => new Date(o.now.getTime() - daysAgo * DAY);
  const neighbours = o.communities.filter((c) => c.startsWith(`${street}.`) && c !== o.focus).slice(0, 2);
  // Approved on the UNDRR bank: answered by each community, approved by the street a few days later.
  for (const [i, place] of [o.focus, ...neighbours].entries()) {
    const by: ResilienceActor =
      place === o.focus
        ? { userId: o.worker, scope: o.focus, now: at(20 - i) }
        : { userId: o.admin, scope: null, now: at(20 - i) };
    const a = await submitSelfAssessment(db, by, {
      place,
      bank: undrr.id,
      version: undrr.version,
      answers: answersFor(undrr, 0.45 + 0.15 * i, rnd),
      reviewer: o.street,
    });
    await reviewSelfAssessment(db, { ...reviewer, now: at(17 - i) }, a.id, {
      decision: 'approve',
      note: '佐证齐全，与现场核查一致。',
    });
    approved++;
  }
  // Awaiting review on the three-mechanisms bank: the focus community's, two days ago.
  await submitSelfAssessment(
    db,
    { userId: o.worker, scope: o.focus, now: at(2) },
    {
      place: o.focus,
      bank: three.id,
      version: three.version,
      answers: answersFor(three, 0.55, rnd),
      reviewer: o.street,
    },
  );
  submitted++;
  log(`resilience self-assessments: ${approved} approved, ${submitted} awaiting review`);
  return { dates, communities, approved, submitted };
}
