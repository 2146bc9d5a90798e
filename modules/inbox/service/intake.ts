/**
 * A department's request arriving (submitWorkRequest): judged against the responsibility list in
 * force, then fanned out to every community it reaches, each demand joining the open item it
 * belongs with (or starting one). The request, its demands, the items' new shape and the audit row
 * are one transaction; a refusal is stored and audited too, then answered with its rule.
 */
import { cityDate, invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin, unknownPlaces } from '@renxing/modules/places';
import { judgeRequest, type UnlistedWhy } from '../rules/duty.js';
import { type DemandFacts, itemShape, itemsToJoin } from '../rules/items.js';
import { admissionById, currentDutyVersion, dutyItem, listDepartments } from '../store/duty-list.js';
import {
  communitiesReached,
  insertDemands,
  insertItems,
  insertRequest,
  joinItems,
  openItemsIn,
  setItemShapes,
  type WorkRequestInput,
} from '../store/work.js';

export type { WorkRequestInput };

export interface InboxActor {
  userId: string;
  /** The caller's place path. */
  scope: string;
  /** The department a department officer acts for; null for a city admin (any department). */
  department: string | null;
  now: Date;
}

export interface Submitted {
  id: string;
  status: 'accepted';
  dutyVersion: number;
  communities: { path: string; name: string; itemId: string; joined: boolean }[];
}

/** The city's local date (+08:00) of an instant. */
export const localDate = cityDate;

/** The window an item's demands cover (an empty window is its arrival day). */
export function hullOf(demands: readonly DemandFacts[]): { from: string; to: string } {
  const from = demands.map((d) => d.window?.from ?? d.arrivedOn).sort()[0];
  const to = demands
    .map((d) => d.window?.to ?? d.arrivedOn)
    .sort()
    .at(-1)!;
  return { from, to };
}

async function checkInput(db: Db, input: WorkRequestInput, actor: InboxActor): Promise<void> {
  if (actor.department !== null && actor.department !== input.department) {
    throw new RenxingError(
      'RX_NOT_YOUR_DEPARTMENT',
      { department: actor.department, asked: input.department },
      'body.department',
    );
  }
  if (!(await listDepartments(db)).some((d) => d.code === input.department)) {
    throw invalid('body.department', { en: 'no such department', 'zh-CN': '没有这个部门' });
  }
  // A target outside the caller's area reads as not found, like anything else out of reach.
  if (input.targets.some((t) => !isWithin(t, actor.scope))) throw new RenxingError('RX_NOT_FOUND');
  const unknown = await unknownPlaces(db, input.targets);
  if (unknown.length > 0) {
    throw invalid('body.targets', {
      en: `no such place: ${unknown.join(', ')}`,
      'zh-CN': `没有这个地点：${unknown.join(', ')}`,
    });
  }
  if (input.window && input.window.from > input.window.to) {
    throw invalid('body.window', { en: 'from is after to', 'zh-CN': '开始日期晚于结束日期' });
  }
  const keys = new Set<string>();
  for (const f of input.fields) {
    if (keys.has(f.key)) {
      throw invalid('body.fields', { en: `key ${f.key} twice`, 'zh-CN': `字段 ${f.key} 重复` });
    }
    keys.add(f.key);
  }
}

const UNLISTED: Record<UnlistedWhy, { en: string; 'zh-CN': string }> = {
  no_admission: { en: 'no one-off admission came with it', 'zh-CN': '未附一事一议批准' },
  other_department: {
    en: 'its admission was approved for another department',
    'zh-CN': '所附批准属于其他部门',
  },
  other_code: { en: 'its admission was approved for another code', 'zh-CN': '所附批准针对其他事项编码' },
  not_valid_now: { en: 'its admission is not valid now', 'zh-CN': '所附批准已不在有效期内' },
};

type Outcome = { submitted: Submitted } | { refused: RenxingError };

export async function submitWorkRequest(
  db: Db,
  input: WorkRequestInput,
  actor: InboxActor,
): Promise<Submitted> {
  await checkInput(db, input, actor);
  const now = actor.now;
  const outcome = await db.transaction<Outcome>(async (tx) => {
    const version = await currentDutyVersion(tx);
    const item = await dutyItem(tx, version, input.duty);
    const admission = input.admission ? await admissionById(tx, input.admission) : undefined;
    if (input.admission && !admission) {
      throw invalid('body.admission', { en: 'no such admission', 'zh-CN': '没有这个一事一议批准' });
    }
    const judged = judgeRequest(input, item, admission, now.getTime() / 1000);
    const base = {
      ...input,
      due: input.due,
      dutyVersion: version,
      submittedBy: actor.userId,
      submittedAt: now,
    };
    if (!judged.accepted) {
      const id = await insertRequest(tx, {
        ...base,
        status: 'refused',
        refusalCode: judged.code,
        refusalReason: judged.reason,
      });
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'inbox.request.refused',
        subjectType: 'work_request',
        subjectId: id,
        reason: judged.code,
        detail: { department: input.department, duty: input.duty, version, rule: judged.reason },
      });
      const rule =
        judged.code === 'RX_DUTY_UNLISTED' ? UNLISTED[judged.reason as UnlistedWhy] : judged.reason;
      return { refused: new RenxingError(judged.code, { rule, duty: input.duty, version }, 'body.duty') };
    }
    const id = await insertRequest(tx, {
      ...base,
      status: 'accepted',
      refusalCode: null,
      refusalReason: null,
    });
    // One intake at a time per duty and kind: two requests never start two items for one thing.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `renxing.inbox.${input.duty}.${input.kind}`,
    ]);
    const arrivedOn = localDate(now);
    const facts = { ...input, due: input.due.getTime() / 1000, arrivedOn };
    // Every community reached at once: its open items for this duty and kind, the one the demand
    // joins (bridged ones joined into it) or a new one; then all demands and shapes in one go.
    const reached = await communitiesReached(tx, input.targets);
    const open = await openItemsIn(
      tx,
      reached.map((c) => c.id),
      input.duty,
      input.kind,
    );
    const joined = new Map<string, { itemId: string; demands: DemandFacts[] }>();
    const fresh: string[] = [];
    for (const c of reached) {
      const join = itemsToJoin(
        open.filter((i) => i.placeId === c.id),
        facts,
      );
      if (join.length === 0) {
        fresh.push(c.id);
        continue;
      }
      await joinItems(
        tx,
        join[0].id,
        join.slice(1).map((i) => i.id),
      );
      joined.set(c.id, { itemId: join[0].id, demands: join.flatMap((i) => i.demands) });
    }
    const made = await insertItems(tx, {
      placeIds: fresh,
      duty: input.duty,
      kind: input.kind,
      title: input.title,
      at: now,
    });
    for (const [k, placeId] of fresh.entries()) joined.set(placeId, { itemId: made[k], demands: [] });
    await insertDemands(tx, {
      requestId: id,
      arrivedOn,
      items: reached.map((c) => ({ itemId: joined.get(c.id)!.itemId, placeId: c.id })),
    });
    await setItemShapes(
      tx,
      [...joined.values()].map(({ itemId, demands }) => {
        const all = [...demands, facts];
        return { itemId, shape: itemShape(all), window: hullOf(all) };
      }),
      now,
    );
    const communities: Submitted['communities'] = reached.map((c) => ({
      path: c.path,
      name: c.name,
      itemId: joined.get(c.id)!.itemId,
      joined: !fresh.includes(c.id),
    }));
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'inbox.request',
      subjectType: 'work_request',
      subjectId: id,
      reason: input.title,
      detail: {
        department: input.department,
        duty: input.duty,
        version,
        communities: communities.length,
        joined: communities.filter((c) => c.joined).length,
        admission: input.admission,
      },
    });
    return { submitted: { id, status: 'accepted', dutyVersion: version, communities } };
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.submitted;
}
