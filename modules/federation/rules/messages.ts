/**
 * The messages cities exchange (docs/rules/federation.md). Pure: no I/O, no clock.
 *
 * A message is a JWS (EdDSA, the sending city's key) over claims `iss` (the sender's city code),
 * `aud` (the receiver's), `jti` (the message id), `iat`, `exp`, `typ` and `body`:
 * - `handoff`: who (a pseudonym; name, phone, ID number only where the agreement shares them),
 *   why, where they live in the receiving city, and the evidence the receiver needs;
 * - `decision`: the receiver's accept or reject of a hand-off, with its reason.
 */
import { isPlacePath, isWithin } from '@renxing/modules/places';

export const HANDOFF_KINDS = ['case', 'companion', 'contact', 'resident'] as const;
export type HandoffKind = (typeof HANDOFF_KINDS)[number];

export const MESSAGE_TYPES = ['handoff', 'decision'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** How long a signed message is good for: the receiver refuses it afterwards as expired. */
export const MESSAGE_TTL = 300;
/** Clock skew between cities the receiver tolerates on `iat`. */
export const MESSAGE_SKEW = 60;

export interface HandoffPerson {
  /** The sender's pseudonym of the person's phone (resolves where both cities share the key). */
  ref: string;
  /** Only under an agreement that shares identity. */
  name?: string;
  phone?: string;
  idNumber?: string;
}

/** What the receiver needs to act, and nothing more. */
export interface HandoffEvidence {
  /** The anonymised label of the source case, as its city shows it ("病例12"); none for a resident. */
  caseLabel?: string;
  /** The source case's confirmation, epoch seconds; none for a resident. */
  confirmedAt?: number;
  /** A companion's overlap with the case (the companion rule's evidence). */
  cell?: string;
  overlapStart?: number;
  overlapEnd?: number;
  overlapS?: number;
  /** A resident at a border: their health-code colour and open follow-up work. */
  colour?: 'green' | 'yellow' | 'red';
  openTasks?: number;
}

export interface HandoffBody {
  kind: HandoffKind;
  person: HandoffPerson;
  /** The receiving city's place path the person lives in (or is taken in by). */
  homePlace: string;
  reason: string;
  evidence: HandoffEvidence;
  /** Why the data is read (required to or from a department): recorded with every read of it. */
  purpose?: string;
}

export interface DecisionBody {
  handoff: string;
  decision: 'accepted' | 'rejected';
  reason: string;
}

export interface MessageClaims<T extends MessageType = MessageType> {
  iss: string;
  aud: string;
  jti: string;
  iat: number;
  exp: number;
  typ: T;
  body: T extends 'handoff' ? HandoffBody : DecisionBody;
}

/** Why a message is refused: stable codes, each with its catalogue error (errors.ts). */
export const REFUSALS = [
  'unsigned',
  'malformed',
  'unknown_sender',
  'forged',
  'wrong_audience',
  'expired',
  'not_yet_valid',
  'replayed',
  'unknown_handoff',
] as const;
export type Refusal = (typeof REFUSALS)[number];

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CITY = /^[a-z][a-z0-9]{0,15}$/;
const MAX_TEXT = 500;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isText = (v: unknown, max = MAX_TEXT): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;

export const isCityCode = (v: unknown): v is string => typeof v === 'string' && CITY.test(v);
export const isMessageId = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

function fail<T>(field: string, reason: string): Checked<T> {
  return { ok: false, field, reason };
}

function checkPerson(v: unknown): Checked<HandoffPerson> {
  if (!isObject(v)) return fail('body.person', 'not an object');
  if (!isText(v.ref, 128)) return fail('body.person.ref', 'not a pseudonym');
  const person: HandoffPerson = { ref: v.ref };
  for (const key of ['name', 'phone', 'idNumber'] as const) {
    if (v[key] === undefined) continue;
    if (!isText(v[key], 100)) return fail(`body.person.${key}`, 'not a text of 1 to 100 characters');
    person[key] = v[key] as string;
  }
  return { ok: true, value: person };
}

function checkEvidence(v: unknown, kind: HandoffKind): Checked<HandoffEvidence> {
  if (!isObject(v)) return fail('body.evidence', 'not an object');
  const evidence: HandoffEvidence = {};
  if (kind !== 'resident' || v.caseLabel !== undefined) {
    if (!isText(v.caseLabel, 100)) return fail('body.evidence.caseLabel', 'not a label');
    if (!isSeconds(v.confirmedAt)) return fail('body.evidence.confirmedAt', 'not epoch seconds');
    evidence.caseLabel = v.caseLabel;
    evidence.confirmedAt = v.confirmedAt;
  }
  if (kind === 'companion') {
    if (!isText(v.cell, 64)) return fail('body.evidence.cell', 'a companion names its cell');
    for (const key of ['overlapStart', 'overlapEnd', 'overlapS'] as const) {
      if (!isSeconds(v[key])) return fail(`body.evidence.${key}`, 'not epoch seconds');
    }
    if ((v.overlapEnd as number) < (v.overlapStart as number))
      return fail('body.evidence.overlapEnd', 'before overlapStart');
    Object.assign(evidence, {
      cell: v.cell,
      overlapStart: v.overlapStart,
      overlapEnd: v.overlapEnd,
      overlapS: v.overlapS,
    });
  }
  if (v.colour !== undefined) {
    if (v.colour !== 'green' && v.colour !== 'yellow' && v.colour !== 'red')
      return fail('body.evidence.colour', 'not green, yellow or red');
    evidence.colour = v.colour;
  }
  if (v.openTasks !== undefined) {
    if (!isSeconds(v.openTasks)) return fail('body.evidence.openTasks', 'not a count');
    evidence.openTasks = v.openTasks;
  }
  return { ok: true, value: evidence };
}

/** A hand-off's body as received: each field checked, the first problem named. */
export function checkHandoffBody(v: unknown): Checked<HandoffBody> {
  if (!isObject(v)) return fail('body', 'not an object');
  if (!(HANDOFF_KINDS as readonly unknown[]).includes(v.kind))
    return fail('body.kind', 'not a hand-off kind');
  const kind = v.kind as HandoffKind;
  if (typeof v.homePlace !== 'string' || !isPlacePath(v.homePlace))
    return fail('body.homePlace', 'not a place path');
  if (!isText(v.reason)) return fail('body.reason', 'not a text of 1 to 500 characters');
  const person = checkPerson(v.person);
  if (!person.ok) return person;
  const evidence = checkEvidence(v.evidence, kind);
  if (!evidence.ok) return evidence;
  if (v.purpose !== undefined && !isText(v.purpose, 200))
    return fail('body.purpose', 'not a text of 1 to 200 characters');
  const value: HandoffBody = {
    kind,
    person: person.value,
    homePlace: v.homePlace,
    reason: v.reason,
    evidence: evidence.value,
  };
  if (v.purpose !== undefined) value.purpose = v.purpose as string;
  return { ok: true, value };
}

/** A decision's body as received. */
export function checkDecisionBody(v: unknown): Checked<DecisionBody> {
  if (!isObject(v)) return fail('body', 'not an object');
  if (!isMessageId(v.handoff)) return fail('body.handoff', 'not a hand-off id');
  if (v.decision !== 'accepted' && v.decision !== 'rejected')
    return fail('body.decision', 'not accepted or rejected');
  if (!isText(v.reason)) return fail('body.reason', 'not a text of 1 to 500 characters');
  return { ok: true, value: { handoff: v.handoff, decision: v.decision, reason: v.reason } };
}

/**
 * The claims of a verified message, checked against this city and the time `now` (epoch
 * seconds): a refusal code, or the claims with their checked body. The signature and the sender
 * are checked before (jws.ts); the replay after, against what was received.
 */
export function checkClaims(
  v: unknown,
  o: { city: string; now: number },
): { ok: true; claims: MessageClaims } | { ok: false; refusal: Refusal; field?: string; reason?: string } {
  if (!isObject(v)) return { ok: false, refusal: 'malformed', field: 'claims', reason: 'not an object' };
  if (!isCityCode(v.iss)) return { ok: false, refusal: 'malformed', field: 'iss', reason: 'not a city code' };
  if (!isMessageId(v.jti))
    return { ok: false, refusal: 'malformed', field: 'jti', reason: 'not a message id' };
  if (!isSeconds(v.iat) || !isSeconds(v.exp) || v.exp <= v.iat)
    return {
      ok: false,
      refusal: 'malformed',
      field: 'exp',
      reason: 'iat and exp not epoch seconds in order',
    };
  if (v.aud !== o.city) return { ok: false, refusal: 'wrong_audience' };
  if (v.iat > o.now + MESSAGE_SKEW) return { ok: false, refusal: 'not_yet_valid' };
  if (o.now >= v.exp) return { ok: false, refusal: 'expired' };
  if (v.typ === 'handoff') {
    const body = checkHandoffBody(v.body);
    if (!body.ok) return { ok: false, refusal: 'malformed', field: body.field, reason: body.reason };
    return { ok: true, claims: { ...(v as unknown as MessageClaims), typ: 'handoff', body: body.value } };
  }
  if (v.typ === 'decision') {
    const body = checkDecisionBody(v.body);
    if (!body.ok) return { ok: false, refusal: 'malformed', field: body.field, reason: body.reason };
    return { ok: true, claims: { ...(v as unknown as MessageClaims), typ: 'decision', body: body.value } };
  }
  return { ok: false, refusal: 'malformed', field: 'typ', reason: 'not handoff or decision' };
}

/** Whether a peer covering `places` is where `homePlace` lies. */
export const coveredBy = (places: readonly string[], homePlace: string): boolean =>
  places.some((p) => isWithin(homePlace, p));

/**
 * The person as a hand-off carries them: the pseudonym always, name, phone and ID number only
 * when the agreement shares identity (and only what is known).
 */
export function personForPeer(
  p: { ref: string; name?: string | null; phone?: string | null; idNumber?: string | null },
  shareIdentity: boolean,
): HandoffPerson {
  const out: HandoffPerson = { ref: p.ref };
  if (!shareIdentity) return out;
  if (p.name) out.name = p.name;
  if (p.phone) out.phone = p.phone;
  if (p.idNumber) out.idNumber = p.idNumber;
  return out;
}

/** Back-off before attempt `attempts + 2` after `attempts + 1` failed: 1 s doubling to at most `max` (default 10 minutes). */
export function retryDelay(attempts: number, max = 600): number {
  return Math.min(max, 2 ** Math.min(attempts, 20));
}

/** Whether a refusal means the peer already has the message (so it counts as delivered). */
export const alreadyDelivered = (refusal: string | undefined): boolean => refusal === 'replayed';
