/**
 * Cities as real server processes for the kill -9 tests: `node apps/api/dist/server.js` with its
 * own data directory (embedded PGlite) or DATABASE_URL, its port, its key and secret (files in the
 * data directory, kept across restarts), and a signed-in admin over HTTP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SERVER = path.join(ROOT, 'apps/api/dist/server.js');

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/**
 * A free port below the kernel's ephemeral range (32768+), so a restarted server gets its port
 * back rather than finding it taken by some outgoing connection's source port.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

export interface CityProcess {
  readonly port: number;
  readonly url: string;
  /** Starts the server (again); resolves once it answers. */
  start(): Promise<void>;
  /** kill -9: no shutdown, no goodbye. */
  kill9(): Promise<void>;
  /** SIGTERM, waiting for the exit. */
  stop(): Promise<void>;
  output(): string;
}

export function cityProcess(o: { dataDir: string; port: number; env?: Record<string, string> }): CityProcess {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npx tsc -b\` first`);
  const logFile = path.join(o.dataDir, 'server.log');
  let child: ChildProcess | null = null;
  let exited: Promise<unknown> = Promise.resolve();
  const url = `http://127.0.0.1:${o.port}`;
  const output = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
  return {
    port: o.port,
    url,
    output,
    async start() {
      const fd = fs.openSync(logFile, 'a');
      const c = spawn(process.execPath, [SERVER], {
        cwd: ROOT,
        env: {
          ...process.env,
          RENXING_DATA_DIR: o.dataDir,
          PORT: String(o.port),
          HOST: '127.0.0.1',
          RENXING_DEMO: '0',
          RENXING_MQTT_URL: 'off',
          RENXING_NATS_URL: 'off',
          RENXING_FEDERATION_RETRY_MAX: '1',
          LOG_LEVEL: 'warn',
          DATABASE_URL: '',
          ...o.env,
        },
        stdio: ['ignore', fd, fd],
      });
      fs.closeSync(fd);
      child = c;
      live.add(c);
      exited = new Promise((resolve) => c.once('exit', resolve)).then(() => live.delete(c));
      const end = Date.now() + 60_000;
      for (;;) {
        if (c.exitCode !== null) throw new Error(`the server exited (${c.exitCode}):\n${output()}`);
        try {
          if ((await fetch(`${url}/openapi.json`)).ok) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > end) throw new Error(`the server did not answer within 60 s:\n${output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async kill9() {
      child?.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child?.kill('SIGTERM');
      await exited;
    },
  };
}

export interface HttpSession {
  cookie: string;
  csrf: string;
}

export async function signIn(url: string, username: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** A JSON request as `s`; answers status and body. */
export async function request(
  url: string,
  s: HttpSession,
  method: 'GET' | 'POST',
  route: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> & { code?: string } }> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}
