/**
 * sendHandoff: a case, companion, close contact or resident whose home lies in a peer city is
 * handed to it. The message carries what the peer needs and nothing more (a pseudonym; name,
 * phone and ID number only where the agreement shares identity) and waits in the outbox until
 * the peer acknowledges it. One transaction with its audit row.
 */
import { randomUUID } from 'node:crypto';
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { caseById, caseVisible, companionById } from '@renxing/modules/cases';
import { openTaskCount } from '@renxing/modules/follow-up';
import { loadHealthCode } from '@renxing/modules/health-codes';
import { raisePlatformItems } from '@renxing/modules/inbox';
import { type Person, personById } from '@renxing/modules/people';
import { isWithin } from '@renxing/modules/places';
import {
  coveredBy,
  type HandoffBody,
  type HandoffEvidence,
  type HandoffKind,
  type HandoffPerson,
  personForPeer,
} from '../rules/messages.js';
import { type Handoff, handoffById, insertHandoff } from '../store/handoffs.js';
import { enqueue } from '../store/outbox.js';
import { type PeerCity, peerByCode } from '../store/peers.js';
import { type Actor, type FederationContext, isDepartment } from './context.js';

export interface HandoffRequest {
  peer: string;
  kind: HandoffKind;
  /** case, contact: the case (contact: the case they are a close contact of). */
  caseId?: string;
  /** companion: the companion row. */
  companionId?: number;
  /** contact, resident: the person. */
  personId?: string;
  /** Where they live in (or are taken in by) the peer city: a place path it covers. */
  homePlace: string;
  reason: string;
  /** Why the peer reads it: required to or from a department (purpose limitation), recorded on every read. */
  purpose?: string;
}

interface Source {
  caseId: string | null;
  personId: string | null;
  companionId: number | null;
  ref: string;
  evidence: HandoffEvidence;
}

const missing = (field: string) =>
  invalid(`body.${field}`, { en: 'required for this kind', 'zh-CN': '此类移交必填' });

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

async function visibleCase(db: Db, id: string, actor: Actor) {
  const c = await caseById(db, id);
  if (!c || !(await caseVisible(db, id, actor.scope))) throw new RenxingError('RX_NOT_FOUND');
  return c;
}

async function visiblePerson(db: Db, id: string, actor: Actor) {
  const p = await personById(db, id);
  const home = p?.homePlacePath ?? actor.scope.split('.')[0];
  if (!p || !isWithin(home, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  return p;
}

/** What the hand-off is about, read within the actor's scope (anything out of it reads as not found). */
async function sourceOf(db: Db, r: HandoffRequest, actor: Actor, preset: string): Promise<Source> {
  switch (r.kind) {
    case 'companion': {
      if (r.companionId === undefined) throw missing('companionId');
      const m = await companionById(db, r.companionId);
      if (!m) throw new RenxingError('RX_NOT_FOUND');
      const c = await visibleCase(db, m.caseId, actor);
      return {
        caseId: c.id,
        personId: m.personId,
        companionId: m.id,
        ref: m.subjectPseudonym,
        evidence: {
          caseLabel: c.label,
          confirmedAt: seconds(c.confirmedAt),
          cell: m.cell,
          overlapStart: m.overlapStart,
          overlapEnd: m.overlapEnd,
          overlapS: m.overlapS,
        },
      };
    }
    case 'case': {
      if (!r.caseId) throw missing('caseId');
      const c = await visibleCase(db, r.caseId, actor);
      return {
        caseId: c.id,
        personId: c.personId,
        companionId: null,
        ref: c.subjectPseudonym,
        evidence: { caseLabel: c.label, confirmedAt: seconds(c.confirmedAt) },
      };
    }
    case 'contact': {
      if (!r.caseId) throw missing('caseId');
      if (!r.personId) throw missing('personId');
      const c = await visibleCase(db, r.caseId, actor);
      const p = await visiblePerson(db, r.personId, actor);
      return {
        caseId: c.id,
        personId: p.id,
        companionId: null,
        ref: p.phonePseudonym ?? `person:${p.id}`,
        evidence: { caseLabel: c.label, confirmedAt: seconds(c.confirmedAt) },
      };
    }
    case 'resident': {
      if (!r.personId) throw missing('personId');
      const p = await visiblePerson(db, r.personId, actor);
      const code = await loadHealthCode(db, p.id, preset);
      return {
        caseId: null,
        personId: p.id,
        companionId: null,
        ref: p.phonePseudonym ?? `person:${p.id}`,
        evidence: { colour: code.state.colour, openTasks: await openTaskCount(db, p.id) },
      };
    }
  }
}

function personOf(s: Source, p: Person | undefined, peer: PeerCity): HandoffPerson {
  return personForPeer(
    { ref: s.ref, name: p?.name, phone: p?.phone, idNumber: p?.idNumber },
    peer.shareIdentity,
  );
}

const SENT_TITLES: Record<HandoffKind, string> = {
  case: '病例已移交外市',
  companion: '时空伴随者已移交外市',
  contact: '密切接触者已移交外市',
  resident: '滞留人员已移交外市',
};

/**
 * The item in the home community of a person of this city who is handed over: both places' inboxes
 * show the hand-off; the answer closes this one (receive.ts).
 */
async function raiseAtHome(
  db: Db,
  person: Person | undefined,
  h: { id: string; kind: HandoffKind; peerName: string; reason: string; at: Date },
): Promise<void> {
  if (!person?.homePlaceId) return;
  await raisePlatformItems(
    db,
    [
      {
        origin: 'federation.handoff',
        ref: h.id,
        personId: person.id,
        placeId: person.homePlaceId,
        duty: 'federation.handoff',
        title: `${SENT_TITLES[h.kind]}（${h.peerName}）`,
        due: new Date(h.at.getTime() + 24 * 3600_000),
        priority: 'normal',
        detail: { peer: h.peerName, reason: h.reason },
      },
    ],
    h.at,
  );
}

/** Queues a hand-off to a peer city; the outbox delivers it. Answers the stored hand-off. */
export async function sendHandoff(ctx: FederationContext, r: HandoffRequest, actor: Actor): Promise<Handoff> {
  const reason = r.reason.trim();
  if (reason === '' || reason.length > 500)
    throw invalid('body.reason', { en: '1 to 500 characters', 'zh-CN': '须为 1 至 500 个字符' });
  const handoff = await ctx.db.transaction(async (tx) => {
    const peer = await peerByCode(tx, r.peer);
    if (!peer) throw new RenxingError('RX_PEER_UNKNOWN', { city: r.peer });
    if (!coveredBy(peer.places, r.homePlace))
      throw new RenxingError('RX_PEER_NOT_COVERED', { place: r.homePlace, city: peer.code });
    const purpose = r.purpose?.trim();
    if (!purpose && (peer.kind === 'department' || (await isDepartment({ db: tx, self: ctx.self }))))
      throw invalid('body.purpose', {
        en: 'a hand-off to or from a department names its purpose',
        'zh-CN': '部门之间的移交须写明用途',
      });
    const source = await sourceOf(tx, r, actor, ctx.preset);
    // The person it came from, read once: what travels of them, and the item in their community.
    const person = source.personId ? await personById(tx, source.personId) : undefined;
    const body: HandoffBody = {
      kind: r.kind,
      person: personOf(source, person, peer),
      homePlace: r.homePlace,
      reason,
      evidence: source.evidence,
      ...(purpose ? { purpose } : {}),
    };
    const id = randomUUID();
    const at = new Date(ctx.now() * 1000);
    await insertHandoff(tx, {
      id,
      direction: 'out',
      peer: peer.code,
      state: 'queued',
      body,
      caseId: source.caseId,
      personId: source.personId,
      companionId: source.companionId,
      createdBy: actor.userId,
      at,
    });
    await enqueue(tx, { messageId: id, handoffId: id, peer: peer.code, type: 'handoff', body, at });
    await raiseAtHome(tx, person, { id, kind: r.kind, peerName: peer.name, reason, at });
    await appendAudit(tx, {
      actor: actor.userId ?? 'system:federation',
      action: 'federation.handoff.send',
      subjectType: 'handoff',
      subjectId: id,
      reason,
      detail: {
        peer: peer.code,
        kind: r.kind,
        caseId: source.caseId,
        personId: source.personId,
        // What left the city: the fields of the person block, never their values.
        shared: Object.keys(body.person),
        ...(purpose ? { purpose } : {}),
      },
    });
    return (await handoffById(tx, id))!;
  });
  ctx.poke?.();
  return handoff;
}
