/** What federation's services share: the database, the clock, the city key and secret, and the network. */
import type { KeyObject } from 'node:crypto';
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import '../errors.js';
import { ownCityCode } from '../store/peers.js';

export interface FederationContext {
  db: Db;
  /** Epoch seconds. */
  now: () => number;
  /** The city key (the one that signs health codes), read lazily. */
  key: () => { privateKey: KeyObject; kid: string };
  /** The city secret keying phone pseudonyms. */
  citySecret: () => Buffer;
  /** The rule preset of cases and codes made from hand-offs. */
  preset: string;
  /** HTTP to peers (tests pass their own). */
  fetch: typeof fetch;
  /**
   * This instance's code in messages (RENXING_FEDERATION_ID): default its city's, the root place's
   * code; a department running its own instance of the city takes its own (e.g. `cqga`).
   */
  self?: string;
  /** Asks the outbox to deliver now (after a commit that queued a message). */
  poke?: () => void;
}

/** Whoever acts: a user (id) or the system (`system:federation`). */
export interface Actor {
  userId: string | null;
  /** The caller's place path. */
  scope: string;
}

export const SYSTEM = 'system:federation';

/** This city's code, or RX_FEDERATION_NO_CITY. */
export async function cityCode(db: Db): Promise<string> {
  const code = await ownCityCode(db);
  if (!code) throw new RenxingError('RX_FEDERATION_NO_CITY');
  return code;
}

/** This instance's code in messages: RENXING_FEDERATION_ID, else the city's. */
export async function selfCode(ctx: Pick<FederationContext, 'db' | 'self'>): Promise<string> {
  return ctx.self ?? cityCode(ctx.db);
}

/** Whether this instance is a department's (its code is not its city's): its hand-offs name a purpose. */
export async function isDepartment(ctx: Pick<FederationContext, 'db' | 'self'>): Promise<boolean> {
  return ctx.self !== undefined && ctx.self !== (await cityCode(ctx.db));
}

/** Reads a peer's published keys (GET <base>/.well-known/jwks.json, 5 s at most). */
export async function fetchJwks(
  ctx: Pick<FederationContext, 'fetch'>,
  baseUrl: string,
): Promise<{ keys: Record<string, unknown>[] }> {
  const url = `${baseUrl.replace(/\/+$/, '')}/.well-known/jwks.json`;
  let detail: string;
  try {
    const res = await ctx.fetch(url, { signal: AbortSignal.timeout(5000) });
    if (res.ok) {
      const body = (await res.json()) as { keys?: unknown };
      if (Array.isArray(body?.keys) && body.keys.every((k) => k !== null && typeof k === 'object'))
        return { keys: body.keys as Record<string, unknown>[] };
      detail = 'not a JWKS';
    } else detail = `HTTP ${res.status}`;
  } catch (e) {
    detail = (e as Error).message;
  }
  throw new RenxingError('RX_PEER_UNREACHABLE', { url, detail });
}
