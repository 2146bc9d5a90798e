/**
 * `renxing stream builder|index|all`: a role process of the streaming path, running until SIGTERM
 * or SIGINT. A builder turns its ping partitions into stays and routes them to the index shards; an
 * index worker keeps its shards' stays and answers their queries; `all` runs both in one process.
 * Without `--partitions` / `--shards` the process takes a fair share by lease, so adding a process
 * spreads the work and a killed one's share is taken over once its leases expire. On a signal the
 * roles stop gracefully (each writes a final snapshot) and the process exits 0; a second signal
 * exits at once. `--metrics-port N` serves the Prometheus text of streamMetrics() on /metrics.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fill, type Locale } from '@renxing/contracts';
import { openStream, type Role, startIndexWorker, startStayBuilder, streamMetrics } from '@renxing/stream';
import { companionParams, type Flags } from '../args.js';
import type { Command } from '../command.js';
import { flagsOf, GRID } from '../flags.js';
import {
  CONNECTION,
  defaultId,
  listFlag,
  portFlag,
  streamConfig,
  streamFlags,
  streamWords,
} from './stream-config.js';

export type RoleKind = 'builder' | 'index' | 'all';

/** Serves `/metrics` (Prometheus text) on every interface: the scraper usually runs on another machine. */
export async function serveMetrics(port: number): Promise<http.Server> {
  const registry = streamMetrics();
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (e: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${e.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return server;
}

/**
 * Resolves on the first SIGTERM or SIGINT (a second one exits at once), or — for a process started
 * by a supervisor with an IPC channel (the tests, a bench) — when that channel closes: the
 * supervisor is gone and nobody would stop this process otherwise.
 */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    let seen = false;
    const on = (sig: string) => {
      if (seen) {
        // Our own disconnect at the end of a graceful stop is not a second signal.
        if (sig !== 'disconnect') process.exit(130);
        return;
      }
      seen = true;
      resolve(sig);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
    if (process.connected) process.once('disconnect', () => on('disconnect'));
  });
}

export async function streamRoleCommand(
  kind: RoleKind,
  flags: Flags,
  locale: Locale,
  opts: { until?: Promise<unknown>; log?: { write(s: string): unknown } } = {},
): Promise<void> {
  const w = streamWords(locale);
  const log = opts.log ?? process.stderr;
  const params = companionParams(flags);
  const cfg = streamConfig(flags, params);
  const partitions = listFlag(flags, 'partitions', cfg.partitions);
  const shards = listFlag(flags, 'shards', cfg.shards);
  const port = portFlag(flags, 'metrics-port');
  const id = typeof flags.id === 'string' && flags.id !== '' ? flags.id : defaultId(kind);
  const stop = opts.until ?? untilSignal();

  const client = await openStream(cfg);
  const roles: Role[] = [];
  let server: http.Server | null = null;
  try {
    if (kind !== 'index')
      roles.push(await startStayBuilder(client, { id, ...(partitions ? { partitions } : {}) }));
    if (kind !== 'builder') roles.push(await startIndexWorker(client, { id, ...(shards ? { shards } : {}) }));
    if (port !== undefined) server = await serveMetrics(port);
    const metrics = server ? fill(w.metricsAt, { port: (server.address() as AddressInfo).port }) : '';
    log.write(
      `${fill(w.started, { kind, id, servers: cfg.servers.join(','), prefix: cfg.prefix, metrics })}\n`,
    );
    // A line of each role's status now and then: what an operator tailing the log wants to see.
    const ticker = setInterval(() => {
      for (const r of roles) log.write(`${r.kind} ${r.id} ${JSON.stringify(r.status())}\n`);
    }, 15_000);
    ticker.unref();
    await stop;
    clearInterval(ticker);
    log.write(`${fill(w.stopping, { id })}\n`);
  } finally {
    // Builders first: their last stays then still reach a live index worker.
    for (const r of roles) await r.stop();
    await client.close();
    if (server) await new Promise<void>((r) => server?.close(() => r()));
  }
  log.write(`${fill(w.stopped, { id })}\n`);
  // An open IPC channel would keep the process alive after its work is done.
  if (process.connected) process.disconnect();
}

const USAGE = (kind: RoleKind, only: string) => ({
  en: `renxing stream ${kind} [--id ID] ${only}[--metrics-port N] [--nats URL] [--prefix P] [grid options]`,
  'zh-CN': `renxing stream ${kind} [--id ID] ${only}[--metrics-port N] [--nats URL] [--prefix P] [网格选项]`,
});

function roleCommand(kind: RoleKind): Command {
  const only =
    kind === 'builder'
      ? ['partitions' as const]
      : kind === 'index'
        ? ['shards' as const]
        : ['partitions' as const, 'shards' as const];
  return {
    words: ['stream', kind],
    usage: USAGE(kind, only.map((f) => `[--${f} LIST] `).join('')),
    flags: { ...streamFlags('id', ...only, 'metrics-port', ...CONNECTION), ...flagsOf(...GRID) },
    run: async (flags, locale) => {
      await streamRoleCommand(kind, flags, locale);
      return 0;
    },
  };
}

export const builderCommand = roleCommand('builder');
export const indexCommand = roleCommand('index');
export const allCommand = roleCommand('all');
