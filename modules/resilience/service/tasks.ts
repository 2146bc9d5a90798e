/**
 * sendResilienceTask: one of a community's next steps sent to its inbox as a task (origin
 * `resilience.next`, ref `<key>:<date>`): sending it again raises nothing and answers the same item.
 */
import { RenxingError, type Text } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { listItems, raisePlatformItems } from '@renxing/modules/inbox';
import type { TargetOf } from '../rules/next-steps.js';
import { scoresOf, valuesOf } from '../store/values.js';
import { auditActor, type ResilienceActor } from './actor.js';
import { type Definition, readCatalogue } from './catalogue.js';
import { stepsOf } from './community.js';
import { requireRun, visibleCommunity } from './view.js';

export const TASK_ORIGIN = 'resilience.next';
/** A task is due this long after it is sent. */
const DUE_MS = 14 * 86_400_000;

const TARGET_WORDS: Record<TargetOf, Text> = {
  street_median: { en: "the street's median", 'zh-CN': '所在街道的中位数' },
  city_median: { en: "the city's median", 'zh-CN': '全市中位数' },
  city_best: { en: "the city's best", 'zh-CN': '全市最好水平' },
};

const figure = (x: number): string => String(Math.round(x * 1000) / 1000);

export interface ResilienceTask {
  /** False: the same step (indicator and date) was sent before; the item is that one. */
  raised: boolean;
  item: {
    id: string;
    placeId: string;
    placePath: string;
    title: string;
    state: string;
    due: Date;
    origin: string;
    originRef: string;
    detail: Record<string, unknown>;
  };
}

export async function sendResilienceTask(
  db: Db,
  path: string,
  input: { key: string; date?: string },
  actor: ResilienceActor,
  o: { platform?: readonly Definition[] } = {},
): Promise<ResilienceTask> {
  const c = await visibleCommunity(db, path, actor);
  const run = await requireRun(db, input.date);
  const catalogue = await readCatalogue(db, o.platform);
  const entry = catalogue.byKey.get(input.key);
  if (!entry || !run.indicators.includes(input.key))
    throw new RenxingError('RX_RESILIENCE_UNKNOWN_INDICATOR', { key: input.key });
  const own = await valuesOf(db, run.date, c.id, { records: true });
  if (!own.some((v) => v.key === input.key))
    throw new RenxingError('RX_RESILIENCE_NO_VALUE', { path, key: input.key, date: run.date });
  const residents = (await scoresOf(db, run.date, c.id))?.residents ?? 0;
  const steps = await stepsOf(db, run, c, residents, own, catalogue, Number.MAX_SAFE_INTEGER);
  const step = steps.find((s) => s.key === input.key);
  if (!step) throw new RenxingError('RX_RESILIENCE_NO_STEP', { path, key: input.key, date: run.date });

  const target = TARGET_WORDS[step.targetOf];
  const title: Text = step.advice?.text ?? {
    'zh-CN': `将“${entry.title['zh-CN']}”从 ${figure(step.current)} 提升到 ${figure(step.target)}，达到${target['zh-CN']}`,
    en: `bring "${entry.title.en}" from ${figure(step.current)} to ${figure(step.target)}, ${target.en}`,
  };
  const ref = `${input.key}:${run.date}`;
  return db.transaction(async (tx) => {
    const { raised } = await raisePlatformItems(
      tx,
      [
        {
          origin: TASK_ORIGIN,
          ref,
          personId: null,
          placeId: c.id,
          duty: TASK_ORIGIN,
          title: title['zh-CN'],
          due: new Date(actor.now.getTime() + DUE_MS),
          priority: 'normal',
          detail: {
            key: input.key,
            date: run.date,
            current: step.current,
            target: step.target,
            targetOf: step.targetOf,
            gain: step.gain,
            amount: step.advice?.amount ?? null,
            titleEn: title.en,
            indicator: entry.title,
          },
        },
      ],
      actor.now,
    );
    if (raised > 0)
      await appendAudit(tx, {
        actor: auditActor(actor),
        action: 'resilience.task.send',
        subjectType: 'place',
        subjectId: c.id,
        detail: { path, key: input.key, date: run.date, current: step.current, target: step.target },
      });
    const { items } = await listItems(tx, {
      scope: c.path,
      now: actor.now,
      state: 'all',
      origin: TASK_ORIGIN,
      limit: 10_000,
    });
    const item = items.find((i) => i.originRef === ref && i.placeId === c.id);
    if (!item) throw new RenxingError('RX_NOT_FOUND');
    return {
      raised: raised > 0,
      item: {
        id: item.id,
        placeId: item.placeId,
        placePath: item.placePath,
        title: item.title,
        state: item.state,
        due: item.due,
        origin: TASK_ORIGIN,
        originRef: ref,
        detail: item.detail,
      },
    };
  });
}
