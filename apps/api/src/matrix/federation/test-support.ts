/**
 * Federation's share of the access matrix and the fuzz: who may call each operation, its fixture
 * (a peer city registered with its keys given, so no network is needed, and two hand-offs it sent
 * here, signed with its key: one for the matrix users' community, one for 江北), its requests in
 * and out of scope, and its routes for random bodies.
 *
 * Sent hand-offs (sendHandoff, and the answers accept and reject queue) go to the peer at
 * 127.0.0.1:9, where nothing listens: the outbox retries in the background, which the matrix does
 * not look at.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import {
  type FederationContext,
  type HandoffBody,
  MESSAGE_TTL,
  receiveMessage,
  registerPeerCity,
  signMessage,
} from '@renxing/modules/federation';
import { generateSigningKey, jwks } from '@renxing/modules/health-codes';
import type { InjectOptions } from 'fastify';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const OFFICERS: UserRole[] = ['city_admin', 'health_officer'];
const READERS: UserRole[] = [
  'city_admin',
  'district_officer',
  'street_officer',
  'community_worker',
  'health_officer',
];

export const FEDERATION_ACCESS: Record<string, UserRole[] | 'public'> = {
  listPeerCities: OFFICERS,
  registerPeerCity: ['city_admin'],
  sendHandoff: OFFICERS,
  // Another city's server: the signature is the credential.
  receiveHandoff: 'public',
  listHandoffs: READERS,
  getHandoff: READERS,
  acceptHandoff: OFFICERS,
  rejectHandoff: OFFICERS,
};

export interface FederationFixture {
  /** Hand-offs received from 成都: one for 社区一 (cq.yz.jd01.sq01), one for 社区九 (cq.jb.jd03.sq09). */
  handoffIn: string;
  handoffOut: string;
  /** The people a send hands over: one of 社区一, one of 社区九. */
  personIn: string;
  personOut: string;
}

const IN = 'cq.yz.jd01.sq01';
const OUT = 'cq.jb.jd03.sq09';
/** Nothing listens there: deliveries fail at once and are retried. */
const NOWHERE = 'http://127.0.0.1:9';

/** A peer's keys, published as its JWKS would be. */
const keysOf = (key: ReturnType<typeof generateSigningKey>) =>
  jwks(key) as unknown as NonNullable<Parameters<typeof registerPeerCity>[1]['jwks']>;

/**
 * 成都 (cd) registered as a peer with its keys given, and two hand-offs of a stranded resident it
 * signed to this city, received through receiveMessage as its server's would be. Seed after the
 * matrix's places (社区九 must exist).
 */
export async function seedFederation(
  db: Db,
  o: { now: number; userId: string; personIn: string; personOut: string },
): Promise<FederationFixture> {
  const peerKey = generateSigningKey();
  const ctx: FederationContext = {
    db,
    now: () => o.now,
    key: generateSigningKey,
    citySecret: () => {
      throw new Error('no pseudonym is made while seeding');
    },
    preset: 'default',
    fetch: (() => Promise.reject(new Error('no network in the matrix'))) as typeof fetch,
  };
  await registerPeerCity(
    ctx,
    { code: 'cd', name: '成都市', baseUrl: NOWHERE, places: ['cd'], jwks: keysOf(peerKey) },
    { userId: o.userId, scope: 'cq' },
  );
  const receive = async (homePlace: string) => {
    const body: HandoffBody = {
      kind: 'resident',
      person: { ref: `matrix-${homePlace}` },
      homePlace,
      reason: '高速出口滞留，由本市社区接收',
      evidence: { colour: 'green', openTasks: 0 },
    };
    const message = await signMessage(peerKey, {
      iss: 'cd',
      aud: 'cq',
      jti: randomUUID(),
      iat: o.now,
      exp: o.now + MESSAGE_TTL,
      typ: 'handoff',
      body,
    });
    return (await receiveMessage(ctx, message)).id;
  };
  return {
    handoffIn: await receive(IN),
    handoffOut: await receive(OUT),
    personIn: o.personIn,
    personOut: o.personOut,
  };
}

/** The request for a federation operation in or out of scope (null: none out of scope), or undefined for another module's. */
export function federationRequest(op: string, f: FederationFixture, out: boolean): Req | null | undefined {
  const handoff = out ? f.handoffOut : f.handoffIn;
  switch (op) {
    case 'listPeerCities':
      return out ? null : { method: 'GET', url: '/api/federation/peers' };
    case 'registerPeerCity':
      // A city-wide operation (the city admin's alone): 201 once, 200 after.
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/federation/peers',
            payload: {
              code: 'wh',
              name: '武汉市',
              baseUrl: NOWHERE,
              places: ['wh'],
              jwks: jwks(generateSigningKey()),
            },
          };
    case 'sendHandoff':
      // Out of scope: the person lives outside the caller's place, so reads as not found.
      return {
        method: 'POST',
        url: '/api/handoffs',
        payload: {
          peer: 'cd',
          kind: 'resident',
          personId: out ? f.personOut : f.personIn,
          homePlace: 'cd.jj.jd01.sq01',
          reason: '高速出口滞留，由成都社区接收',
        },
      };
    case 'receiveHandoff':
      return null; // public: the matrix checks sessions, and this one has none
    case 'listHandoffs':
      return out ? null : { method: 'GET', url: '/api/handoffs?direction=in' };
    case 'getHandoff':
      return { method: 'GET', url: `/api/handoffs/${handoff}` };
    case 'acceptHandoff':
      // 200 once, then 409 (decided): either way the caller was admitted.
      return { method: 'POST', url: `/api/handoffs/${handoff}/accept`, payload: { reason: '已核实' } };
    case 'rejectHandoff':
      return { method: 'POST', url: `/api/handoffs/${handoff}/reject`, payload: { reason: '查无此人' } };
    default:
      return undefined;
  }
}

const NO_ONE = '00000000-0000-4000-8000-000000000000';

/** Federation's routes for the fuzz: the operations as the city admin (who may call them all), the peers' endpoint without a session. */
export const FEDERATION_FUZZ_ROUTES = [
  { method: 'GET' as const, url: '/api/federation/peers', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/federation/peers', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/handoffs', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/handoffs', auth: true, admin: true },
  { method: 'GET' as const, url: `/api/handoffs/${NO_ONE}`, auth: true, admin: true },
  { method: 'POST' as const, url: `/api/handoffs/${NO_ONE}/accept`, auth: true, admin: true },
  { method: 'POST' as const, url: `/api/handoffs/${NO_ONE}/reject`, auth: true, admin: true },
  { method: 'POST' as const, url: '/api/federation/messages', auth: false },
];
