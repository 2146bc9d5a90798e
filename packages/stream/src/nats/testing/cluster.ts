/**
 * A local JetStream cluster for tests and benchmarks: N `nats-server` processes (the machine's
 * `/usr/sbin/nats-server`, 2.9) on free 127.0.0.1 ports, each with its own store folder, routed to
 * each other as cluster `rx`. `kill(k)` is a real kill -9 (no clean shutdown, no flush), `restart(k)`
 * starts the same server again on the same ports and store, so it rejoins with what it had on disk.
 *
 * Every server started here is also killed when the test process exits or is told to stop (see
 * reap.ts), so a failed or timed-out test never leaves servers behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { reapOnExit } from './reap.js';

export const NATS_SERVER = process.env.RENXING_NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

export interface ClusterOptions {
  /** Servers, default 3. One server runs without a cluster block. */
  servers?: number;
  /** How long to wait for the cluster (and JetStream's meta leader), default 30 s. */
  readyTimeoutMs?: number;
}

export interface Cluster {
  /** Client URLs, one per server (`nats://127.0.0.1:P`). */
  readonly urls: string[];
  /** The store and log folder. */
  readonly dir: string;
  /** kill -9 server k (0-based); resolves once the process is gone. */
  kill(k: number): Promise<void>;
  /** Starts server k again (same ports, same store); resolves when it answers /healthz. */
  restart(k: number): Promise<void>;
  /** Whether server k is running. */
  alive(k: number): boolean;
  /** The last lines of server k's log (for a failing test's message). */
  log(k: number, lines?: number): string;
  /** Kills every server and removes the folder. */
  stop(): Promise<void>;
}

interface Server {
  name: string;
  client: number;
  route: number;
  http: number;
  store: string;
  logFile: string;
  proc: ChildProcess | null;
}

/**
 * A port nobody listens on now, below the kernel's ephemeral range (32768–60999 on Linux). The
 * kernel's own choice for port 0 lies inside that range, and between the check and the server's
 * listen it may hand the port to an outgoing connection as its source port — one server's route to
 * another took a port picked for the next server that way, which then could not listen.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('nats cluster: no free port in 20000-31999');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.unref();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function args(s: Server, all: Server[]): string[] {
  const a = ['-a', '127.0.0.1', '-p', String(s.client), '-m', String(s.http), '-js', '-sd', s.store];
  a.push('-n', s.name, '-l', s.logFile);
  if (all.length > 1) {
    const routes = all
      .filter((o) => o !== s)
      .map((o) => `nats://127.0.0.1:${o.route}`)
      .join(',');
    a.push('-cluster', `nats://127.0.0.1:${s.route}`, '--routes', routes, '--cluster_name', 'rx');
  }
  return a;
}

function launch(s: Server, all: Server[]): void {
  const p = spawn(NATS_SERVER, args(s, all), { stdio: 'ignore' });
  reapOnExit(p);
  s.proc = p;
  p.once('exit', () => {
    if (s.proc === p) s.proc = null;
  });
}

/** /healthz says ok: the server is up and its JetStream is current with the cluster. */
async function healthy(s: Server): Promise<boolean> {
  try {
    const r = await fetch(`http://127.0.0.1:${s.http}/healthz`, { signal: AbortSignal.timeout(1000) });
    return r.ok;
  } catch {
    return false;
  }
}

async function until(what: string, deadline: number, check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`nats cluster: timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** JetStream answers $JS.API.INFO through any server: the meta group has a leader. */
async function metaLeader(urls: string[], deadline: number): Promise<void> {
  const nc = await connect({ servers: urls, reconnect: true, maxReconnectAttempts: -1 });
  try {
    await until('a JetStream meta leader', deadline, async () => {
      try {
        const jsm = await jetstreamManager(nc, { timeout: 2000 });
        await jsm.getAccountInfo();
        return true;
      } catch {
        return false;
      }
    });
  } finally {
    await nc.close();
  }
}

export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const n = opts.servers ?? 3;
  const timeout = opts.readyTimeoutMs ?? 30_000;
  if (!fs.existsSync(NATS_SERVER)) throw new Error(`nats cluster: ${NATS_SERVER} not found`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-nats-'));
  const servers: Server[] = [];
  for (let k = 0; k < n; k++) {
    const name = `s${k + 1}`;
    const store = path.join(dir, name);
    fs.mkdirSync(store);
    servers.push({
      name,
      client: await freePort(),
      route: await freePort(),
      http: await freePort(),
      store,
      logFile: path.join(dir, `${name}.log`),
      proc: null,
    });
  }
  const urls = servers.map((s) => `nats://127.0.0.1:${s.client}`);
  const cluster: Cluster = {
    urls,
    dir,
    async kill(k) {
      const p = servers[k].proc;
      if (!p) return;
      const gone = new Promise<void>((r) => p.once('exit', () => r()));
      p.kill('SIGKILL');
      await gone;
    },
    async restart(k) {
      const s = servers[k];
      if (s.proc) throw new Error(`nats cluster: server ${s.name} is running`);
      launch(s, servers);
      await until(`${s.name} /healthz`, Date.now() + timeout, () => healthy(s));
    },
    alive: (k) => servers[k].proc !== null,
    log(k, lines = 40) {
      try {
        return fs.readFileSync(servers[k].logFile, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
    async stop() {
      await Promise.all(servers.map((_, k) => cluster.kill(k)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    for (const s of servers) launch(s, servers);
    const deadline = Date.now() + timeout;
    for (const s of servers) await until(`${s.name} /healthz`, deadline, () => healthy(s));
    await metaLeader(urls, deadline);
  } catch (e) {
    const logs = servers.map((_, k) => `--- ${servers[k].name}\n${cluster.log(k, 15)}`).join('\n');
    await cluster.stop();
    throw new Error(`${(e as Error).message}\n${logs}`);
  }
  return cluster;
}
