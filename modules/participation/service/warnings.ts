/**
 * The early warning from residents: for each community, the distinct residents with a
 * `health_symptom` report in the last 24 h against the same counts at the same hour on each of the
 * previous 14 days (the rule decides). A warning is stored with the reports behind it, becomes an
 * inbox item for the community, and an alert to the health officers of its district (and the
 * city's) — sent after the transaction commits.
 */
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { raisePlatformItems } from '@renxing/modules/inbox';
import type { Message, Notifier } from '@renxing/notify';
import { healthOfficersAbove } from '../store/places.js';
import {
  type EarlyWarning,
  insertWarning,
  lastWarningAt,
  symptomCounts,
  symptomReportIds,
} from '../store/warnings.js';
import { RULES } from './rules-in-use.js';
import { WARNING_KIND } from './words.js';

/** The inbox item's origin (and duty code). */
export const WARNING_ORIGIN = 'participation.early_warning';
/** The baseline's days. */
export const BASELINE_DAYS = 14;
const HOUR_MS = 3_600_000;
/** How long the community's inbox has to look into a warning. */
const DUE_MS = 4 * HOUR_MS;

export interface Raised {
  id: string;
  placeId: string;
  placePath: string;
  hour: Date;
  n: number;
  m: number;
  s: number;
  threshold: number;
  reportIds: string[];
  /** How many health officers were alerted. */
  alerted: number;
}

const fixed = (x: number) => String(Number(x.toFixed(2)));

function alert(w: Omit<Raised, 'alerted'>, name: string, officer: { id: string }): Message {
  return {
    to: { userId: officer.id },
    subject: `居民预警：${name} 24 小时内 ${w.n} 名居民报告症状 / Early warning: ${w.n} residents report symptoms in ${w.placePath}`,
    text: [
      `${name}（${w.placePath}）在过去 24 小时内有 ${w.n} 名居民报告健康症状，`,
      `过去 14 天同一时刻的均值为 ${fixed(w.m)}、标准差为 ${fixed(w.s)}，预警阈值为 ${fixed(w.threshold)}。`,
      `相关报告 ${w.reportIds.length} 条：${w.reportIds.join(', ')}`,
      '',
      `${w.n} distinct residents of ${name} (${w.placePath}) reported health symptoms in the last 24 h;`,
      `the same hour on the previous 14 days: mean ${fixed(w.m)}, standard deviation ${fixed(w.s)}; threshold ${fixed(w.threshold)}.`,
      `Reports behind it (${w.reportIds.length}): ${w.reportIds.join(', ')}`,
    ].join('\n'),
    kind: WARNING_KIND,
    ref: w.id,
  };
}

/** Runs the rule for every community at `now` (the hour it falls in); the warnings it raised. */
export async function checkEarlyWarnings(db: Db, notifier: Notifier, now: Date): Promise<Raised[]> {
  const hour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const counts = await symptomCounts(db, now, BASELINE_DAYS);
  const raised: { w: Omit<Raised, 'alerted'>; name: string; officers: { id: string }[] }[] = [];
  for (const [placeId, { path, counts: c }] of counts) {
    const n = c[0] ?? 0;
    const baseline = c.slice(1, BASELINE_DAYS + 1).map((x) => x ?? 0);
    const found = await db.transaction(async (tx) => {
      // One checker per community at a time: "none in the last 24 h" cannot be raced.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `renxing.participation.warning:${placeId}`,
      ]);
      const last = await lastWarningAt(tx, placeId);
      const verdict = RULES.earlyWarning({ n, baseline, lastRaisedAt: last, now });
      if (!verdict.raise) return null;
      const reportIds = await symptomReportIds(tx, placeId, now);
      const w = {
        placeId,
        hour,
        n,
        m: verdict.m,
        s: verdict.s,
        threshold: verdict.threshold,
        reportIds,
        raisedAt: now,
      };
      const id = await insertWarning(tx, w);
      if (id === null) return null;
      const { rows } = await tx.query<{ name: string }>('SELECT name FROM places WHERE id = $1', [placeId]);
      const name = rows[0]?.name ?? path;
      await raisePlatformItems(
        tx,
        [
          {
            origin: WARNING_ORIGIN,
            ref: id,
            personId: null,
            placeId,
            duty: WARNING_ORIGIN,
            title: `居民健康症状预警：24 小时内 ${n} 名居民报告症状（阈值 ${fixed(verdict.threshold)}）`,
            due: new Date(now.getTime() + DUE_MS),
            priority: 'urgent',
            detail: {
              titleEn: `Residents' early warning: ${n} residents reported symptoms in 24 h (threshold ${fixed(verdict.threshold)})`,
              warning: id,
              n,
              m: verdict.m,
              s: verdict.s,
              threshold: verdict.threshold,
              reports: reportIds,
            },
          },
        ],
        now,
      );
      const officers = await healthOfficersAbove(tx, path);
      await appendAudit(tx, {
        actor: 'system:participation',
        action: 'participation.early_warning',
        subjectType: 'early_warning',
        subjectId: id,
        detail: {
          place: path,
          hour,
          n,
          m: verdict.m,
          s: verdict.s,
          threshold: verdict.threshold,
          reports: reportIds,
          officers: officers.map((o) => o.id),
        },
      });
      return {
        w: {
          id,
          placeId,
          placePath: path,
          hour,
          n,
          m: verdict.m,
          s: verdict.s,
          threshold: verdict.threshold,
          reportIds,
        },
        name,
        officers,
      };
    });
    if (found) raised.push(found);
  }
  const out: Raised[] = [];
  for (const r of raised) {
    for (const o of r.officers) await notifier.send(alert(r.w, r.name, o)).catch(() => undefined);
    out.push({ ...r.w, alerted: r.officers.length });
  }
  return out;
}

export type { EarlyWarning };
