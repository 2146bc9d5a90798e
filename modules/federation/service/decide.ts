/**
 * acceptHandoff, rejectHandoff: a received hand-off decided by an officer of the place it is for.
 * Accepting makes it this city's own: the person (found by phone, ID number or pseudonym, else
 * registered at the home place), the case or companion, the health-code event, the follow-up task
 * and an inbox item in the community; either answer goes back to the sender through the outbox.
 * One transaction with its audit row.
 */
import { randomUUID } from 'node:crypto';
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { phonePseudonym } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { externalCase, insertKnownCompanion } from '@renxing/modules/cases';
import { createTasksForCase } from '@renxing/modules/follow-up';
import { applyHealthCodeEvent } from '@renxing/modules/health-codes';
import { raisePlatformItems } from '@renxing/modules/inbox';
import {
  personByIdNumber,
  personByPseudonym,
  registerHandedPerson,
  upsertPeople,
} from '@renxing/modules/people';
import { isWithin, placeByPath } from '@renxing/modules/places';
import type { HandoffBody } from '../rules/messages.js';
import { type Handoff, handoffById, setHandoffState } from '../store/handoffs.js';
import { enqueue } from '../store/outbox.js';
import type { Actor, FederationContext } from './context.js';

/** The follow-up work's deadline after acceptance. */
const DUE_HOURS = 24;

const KIND_TITLES: Record<HandoffBody['kind'], string> = {
  case: '外市移交病例',
  companion: '外市移交时空伴随者',
  contact: '外市移交密切接触者',
  resident: '外市移交滞留人员',
};

/** The received hand-off, locked, if the actor may decide it; else not found or already decided. */
async function decidable(db: Db, id: string, actor: Actor): Promise<Handoff> {
  const h = await handoffById(db, id, true);
  if (!h || (h.direction === 'in' && !isWithin(h.homePlace, actor.scope)))
    throw new RenxingError('RX_NOT_FOUND');
  if (h.direction !== 'in') throw new RenxingError('RX_HANDOFF_NOT_INBOUND');
  if (h.state !== 'received') throw new RenxingError('RX_HANDOFF_DECIDED', { state: h.state });
  return h;
}

/** The person here: by phone, ID number or pseudonym; else registered at the home place. */
async function localPerson(ctx: FederationContext, db: Db, h: Handoff, homePlaceId: string): Promise<string> {
  const p = h.body.person;
  const name = p.name ?? `协查对象-${p.ref.slice(0, 8)}`;
  if (p.phone) {
    const pseudonym = phonePseudonym(ctx.citySecret(), p.phone);
    const known = pseudonym ? await personByPseudonym(db, pseudonym) : undefined;
    if (known) return known.id;
    if (pseudonym) {
      const { rejects } = await upsertPeople(
        db,
        [{ name, phone: p.phone, idNumber: p.idNumber ?? null, community: h.homePlace }],
        { secret: ctx.citySecret() },
      );
      const made = rejects.length === 0 ? await personByPseudonym(db, pseudonym) : undefined;
      if (made) return made.id;
    }
  }
  if (p.idNumber) {
    const known = await personByIdNumber(db, p.idNumber);
    if (known) return known.id;
  }
  // Cities that pseudonymise with one shared (e.g. provincial) key resolve each other's pseudonyms.
  const byRef = await personByPseudonym(db, p.ref);
  if (byRef) return byRef.id;
  return registerHandedPerson(db, {
    importKey: `handoff:${h.peer}:${p.ref}`,
    name,
    idNumber: p.idNumber,
    homePlaceId,
  });
}

interface Made {
  caseId: string | null;
  companionId: number | null;
}

/** The case, companion and health-code event a hand-off becomes here. */
async function makeOwn(
  ctx: FederationContext,
  db: Db,
  h: Handoff,
  personId: string,
  peerName: string,
): Promise<Made> {
  const e = h.body.evidence;
  const at = ctx.now();
  if (e.caseLabel === undefined || e.confirmedAt === undefined) return { caseId: null, companionId: null };
  const source = await externalCase(db, {
    label: `${peerName}·${e.caseLabel}`,
    subjectPseudonym: `peer:${h.peer}:${e.caseLabel}`,
    confirmedAt: new Date(e.confirmedAt * 1000),
    preset: ctx.preset,
  });
  switch (h.kind) {
    case 'companion': {
      const companionId = await insertKnownCompanion(db, source.id, {
        personId,
        subjectPseudonym: h.body.person.ref,
        cell: e.cell!,
        overlapStart: e.overlapStart!,
        overlapEnd: e.overlapEnd!,
        overlapS: e.overlapS!,
      });
      await applyHealthCodeEvent(
        db,
        personId,
        {
          kind: 'companion_found',
          at,
          caseId: source.id,
          caseLabel: source.label,
          cell: e.cell!,
          overlapStart: e.overlapStart!,
          overlapEnd: e.overlapEnd!,
        },
        { preset: ctx.preset, caseId: source.id },
      );
      await createTasksForCase(db, source.id, { now: new Date(at * 1000), dueHours: DUE_HOURS });
      return { caseId: source.id, companionId };
    }
    case 'case':
      await applyHealthCodeEvent(
        db,
        personId,
        { kind: 'confirmed_case', at },
        { preset: ctx.preset, caseId: source.id },
      );
      return { caseId: source.id, companionId: null };
    case 'contact':
      await applyHealthCodeEvent(
        db,
        personId,
        { kind: 'close_contact', at, officerUnit: peerName, officerId: `peer:${h.peer}` },
        { preset: ctx.preset },
      );
      return { caseId: source.id, companionId: null };
    default:
      return { caseId: null, companionId: null };
  }
}

export async function acceptHandoff(
  ctx: FederationContext,
  id: string,
  input: { reason?: string },
  actor: Actor,
): Promise<Handoff> {
  const reason = input.reason?.trim() || '已接收 accepted';
  const out = await ctx.db.transaction(async (tx) => {
    const h = await decidable(tx, id, actor);
    const home = await placeByPath(tx, h.homePlace);
    if (!home)
      throw invalid('homePlace', { en: 'no longer a place of this city', 'zh-CN': '已不是本市地点' });
    const personId = await localPerson(ctx, tx, h, home.id);
    const made = await makeOwn(ctx, tx, h, personId, h.peerName);
    const at = new Date(ctx.now() * 1000);
    const e = h.body.evidence;
    await raisePlatformItems(
      tx,
      [
        {
          origin: 'federation.handoff',
          ref: h.id,
          personId,
          placeId: home.id,
          duty: 'federation.handoff',
          title: `${KIND_TITLES[h.kind]}（${h.peerName}）`,
          due: new Date(at.getTime() + DUE_HOURS * 3600_000),
          priority: h.kind === 'resident' ? 'normal' : 'urgent',
          detail: {
            peer: h.peerName,
            reason: h.reason,
            ...(e.caseLabel ? { case: e.caseLabel } : {}),
            ...(e.cell ? { cell: e.cell } : {}),
            ...(e.colour ? { colour: e.colour } : {}),
            ...(e.openTasks !== undefined ? { openTasks: e.openTasks } : {}),
          },
        },
      ],
      at,
    );
    await setHandoffState(tx, id, {
      state: 'accepted',
      decisionReason: reason,
      decidedBy: actor.userId,
      at,
      personId,
      caseId: made.caseId,
      companionId: made.companionId,
    });
    await answer(tx, h, 'accepted', reason, at);
    await appendAudit(tx, {
      actor: actor.userId ?? 'system:federation',
      action: 'federation.handoff.accept',
      subjectType: 'handoff',
      subjectId: id,
      reason,
      detail: { peer: h.peer, kind: h.kind, personId, ...made },
    });
    return (await handoffById(tx, id))!;
  });
  ctx.poke?.();
  return out;
}

export async function rejectHandoff(
  ctx: FederationContext,
  id: string,
  input: { reason: string },
  actor: Actor,
): Promise<Handoff> {
  const reason = input.reason.trim();
  if (reason === '' || reason.length > 500)
    throw invalid('body.reason', {
      en: 'a rejection says why (1 to 500 characters)',
      'zh-CN': '拒收须写明理由（1 至 500 个字符）',
    });
  const out = await ctx.db.transaction(async (tx) => {
    const h = await decidable(tx, id, actor);
    const at = new Date(ctx.now() * 1000);
    await setHandoffState(tx, id, { state: 'rejected', decisionReason: reason, decidedBy: actor.userId, at });
    await answer(tx, h, 'rejected', reason, at);
    await appendAudit(tx, {
      actor: actor.userId ?? 'system:federation',
      action: 'federation.handoff.reject',
      subjectType: 'handoff',
      subjectId: id,
      reason,
      detail: { peer: h.peer, kind: h.kind },
    });
    return (await handoffById(tx, id))!;
  });
  ctx.poke?.();
  return out;
}

/** Queues the decision for the sender. */
async function answer(db: Db, h: Handoff, decision: 'accepted' | 'rejected', reason: string, at: Date) {
  await enqueue(db, {
    messageId: randomUUID(),
    handoffId: h.id,
    peer: h.peer,
    type: 'decision',
    body: { handoff: h.id, decision, reason },
    at,
  });
}
