/**
 * The city-scale stream as operators see it: `GET /api/stream/status` (getStreamStatus).
 *
 * Streaming is optional (RENXING_NATS_URL; `npm start` runs without it): with no stream client the
 * answer is `{ enabled: false }`, so the console can say how to turn it on. With one, the answer is
 * each partition's and shard's progress, owner and lag, the live members, and the totals an
 * operator watches first (messages behind, pings built, stays held). NATS not answering is a 503
 * (RX_STREAM_UNAVAILABLE), not a 500: the service is up, its stream is not.
 *
 * Trajectories are city-wide: city admins and health officers read it, anyone else gets 404.
 */
import { RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, typed } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import { type StreamClient, type StreamStatus, streamStatus } from '@renxing/stream';
import type { FastifyInstance } from 'fastify';

/** Reads the stream's status through a client (the stream package's `streamStatus`; tests pass their own). */
export type StatusReader = (client: StreamClient) => Promise<StreamStatus>;

/** What the console shows first: everything still to build or apply, pings built, stays held. */
export interface StreamTotals {
  lag: number;
  pings: number;
  stays: number;
}

export function streamTotals(status: StreamStatus): StreamTotals {
  let lag = 0;
  let pings = 0;
  let stays = 0;
  for (const p of status.partitions) {
    lag += p.lag;
    pings += p.pings;
  }
  for (const s of status.shards) {
    lag += s.lag;
    stays += s.stays ?? 0;
  }
  return { lag, pings, stays };
}

const owner = {
  type: ['string', 'null'],
  description: 'the role holding the lease, null when none',
} as const;

const statusSchema = {
  type: 'object',
  required: ['enabled'],
  description: '`{ enabled: false }` when streaming is off; every other field only when it is on',
  properties: {
    enabled: { type: 'boolean' },
    at: { type: 'integer', description: 'when this was read (epoch seconds, the service clock)' },
    totals: {
      type: 'object',
      required: ['lag', 'pings', 'stays'],
      properties: {
        lag: { type: 'integer', description: 'messages published but not yet built or applied' },
        pings: { type: 'integer', description: 'pings built into stays' },
        stays: { type: 'integer', description: 'stays held by the shards' },
      },
    },
    partitions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['partition', 'published', 'built', 'lag', 'pings', 'duplicates', 'maxInstant', 'owner'],
        properties: {
          partition: { type: 'integer' },
          published: { type: 'integer', description: 'last PINGS sequence published (0: none)' },
          built: { type: 'integer', description: 'last PINGS sequence built and routed' },
          lag: { type: 'integer' },
          pings: { type: 'integer' },
          duplicates: { type: 'integer' },
          maxInstant: {
            type: ['integer', 'null'],
            description: 'latest kept ping (epoch seconds), null before the first',
          },
          owner,
        },
      },
    },
    shards: {
      type: 'array',
      items: {
        type: 'object',
        required: ['shard', 'published', 'applied', 'lag', 'stays', 'owner'],
        properties: {
          shard: { type: 'integer' },
          published: { type: 'integer', description: 'last STAYS sequence published' },
          applied: { type: 'integer', description: 'last STAYS sequence applied' },
          lag: { type: 'integer' },
          stays: { type: ['integer', 'null'], description: 'as last reported, null: never' },
          owner,
        },
      },
    },
    members: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'id', 'seenAt'],
        properties: {
          kind: { type: 'string', enum: ['builder', 'index'] },
          id: { type: 'string' },
          seenAt: { type: 'integer', description: 'last heartbeat (epoch seconds)' },
        },
      },
    },
  },
} as const;

/** How long the status may take: the console asks every 2 s, so a NATS that hangs must not pile requests up. */
export const STATUS_TIMEOUT_MS = 5000;

/** The routes, reading the status with `read` (tests pass their own) within `timeoutMs`. */
export function streamStatusRoutes(read: StatusReader = streamStatus, timeoutMs = STATUS_TIMEOUT_MS) {
  return async function streamRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
    const api = typed(fastify);
    api.get(
      '/stream/status',
      {
        schema: {
          operationId: 'getStreamStatus',
          summary: 'The city-scale stream: per partition and shard progress, lag and owner; live members',
          description:
            'Off (`{ enabled: false }`) unless the service runs with RENXING_NATS_URL. Lag counts messages ' +
            'published but not yet built (partitions) or applied (shards). 503 RX_STREAM_UNAVAILABLE when NATS does not answer.',
          tags: ['trajectories'],
          response: { 200: statusSchema, 503: { $ref: 'Error#' }, ...commonErrors },
        },
      },
      async (request) => {
        scopeOf(request);
        const client = ctx.stream;
        if (!client) return { enabled: false };
        let status: StreamStatus;
        try {
          status = await within(read(client), timeoutMs);
        } catch (e) {
          throw unavailable(e, client);
        }
        return { enabled: true, at: ctx.now(), ...status, totals: streamTotals(status) };
      },
    );
  };
}

/** `p`, or a failure once `ms` have passed without its answer. */
async function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A failure reading NATS, as the catalogue's 503 (one already in the catalogue passes through). */
function unavailable(e: unknown, client: StreamClient): RenxingError {
  if (e instanceof RenxingError && e.status === 503) return e;
  const servers = client.cfg.servers.join(',');
  const detail = e instanceof Error ? e.message : String(e);
  return new RenxingError('RX_STREAM_UNAVAILABLE', { servers, detail });
}

export default streamStatusRoutes();
