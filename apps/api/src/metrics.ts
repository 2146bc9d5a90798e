/**
 * `/metrics`: Prometheus text for the operators' scraper — the process (CPU, memory, event-loop
 * lag, GC), the HTTP requests by route (count and latency), and, when streaming is on, the
 * stream's registry (rx_stream_*: pings published and built, lag per partition and shard …).
 *
 * It carries no personal data (routes are templates such as `/api/cases/:id`, never a URL with its
 * values), but it tells how busy the city is, so it is not public: a request bearing
 * RENXING_METRICS_TOKEN (`Authorization: Bearer …`) is answered from anywhere; without a token,
 * only a direct request from this machine is (loopback, and no proxy header — a reverse proxy on
 * the same machine would otherwise make every outside request look local). Others get 404, as if
 * there were no such page.
 */
import { timingSafeEqual } from 'node:crypto';
import { RenxingError } from '@renxing/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface MetricsOptions {
  /** RENXING_METRICS_TOKEN, or null: loopback only. */
  token: string | null;
  /** More registries served after the app's own (the stream's, when streaming is on). */
  registries?: () => readonly Registry[];
}

let processRegistry: Registry | null = null;

/** The process's metrics: one registry per process (the collectors hook into the process once). */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Latency buckets, seconds: from a cached read (ms) to a city's pings upload (minutes). */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180];

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether this request may read the metrics: 'ok', or why not. */
export function metricsAccess(
  request: Pick<FastifyRequest, 'headers'> & { socketAddress: string | undefined },
  token: string | null,
): 'ok' | 'unauthenticated' | 'not-local' {
  const auth = request.headers.authorization;
  if (token !== null && typeof auth === 'string' && auth.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice(7));
    const want = Buffer.from(token);
    return given.length === want.length && timingSafeEqual(given, want) ? 'ok' : 'unauthenticated';
  }
  const proxied = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  if (!proxied && request.socketAddress !== undefined && LOOPBACK.has(request.socketAddress)) return 'ok';
  return token !== null ? 'unauthenticated' : 'not-local';
}

/** Counts and times every request by its route, and serves GET /metrics. */
export function installMetrics(app: FastifyInstance, options: MetricsOptions): void {
  const registry = new Registry();
  const requests = new Counter({
    name: 'rx_http_requests_total',
    help: 'HTTP requests answered, by method, route (template) and status code',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'rx_http_request_duration_seconds',
    help: 'HTTP request latency (received → answered), by method and route (template)',
    labelNames: ['method', 'route'],
    buckets: BUCKETS,
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route's template keeps the label set small; a URL no route matched is one label.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const access = metricsAccess(
      { headers: request.headers, socketAddress: request.socket.remoteAddress },
      options.token,
    );
    if (access === 'unauthenticated') throw new RenxingError('RX_UNAUTHENTICATED');
    if (access === 'not-local') throw new RenxingError('RX_NOT_FOUND');
    const all = [processMetrics(), registry, ...(options.registries?.() ?? [])];
    const texts = await Promise.all(all.map((r) => r.metrics()));
    reply.header('content-type', registry.contentType);
    reply.header('cache-control', 'no-store');
    return texts.filter((t) => t.length > 0).join('\n');
  });
}
