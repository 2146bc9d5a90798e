/**
 * A private Mosquitto for a test file: the machine's broker binary (Debian's `mosquitto`) on a free
 * loopback port with a configuration of its own — anonymous clients, queues large enough for a
 * burst of QoS 1 messages, nothing persisted — so tests never depend on how the system broker is
 * set up, nor disturb it. Tests only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type MqttClient } from 'mqtt';

/** Debian's broker binary (.ci/run installs the package when it is missing). */
export const MOSQUITTO = '/usr/sbin/mosquitto';

export interface Broker {
  port: number;
  url: string;
  /** Stops the broker (the port stays free for `restart`). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops it for good and removes its folder. */
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function listening(port: number, deadline: number): Promise<void> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts a private broker; `close()` it after the file. */
export async function startBroker(): Promise<Broker> {
  const dir = mkdtempSync(join(tmpdir(), 'rx-mosquitto-'));
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence false',
      // A burst of QoS 1 messages to one subscriber: unlimited in flight, a large queue behind.
      'max_inflight_messages 0',
      'max_queued_messages 200000',
      'set_tcp_nodelay true',
      'log_dest stderr',
      'log_type error',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | null = null;
  const start = async () => {
    const c = spawn(MOSQUITTO, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    c.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    const exited = new Promise<never>((_, reject) =>
      c.once('exit', (code) => reject(new Error(`mosquitto exited (${code}): ${stderr}`))),
    );
    exited.catch(() => {});
    child = c;
    await Promise.race([listening(port, Date.now() + 10_000), exited]);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  await start();
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    stop,
    restart: start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A connected publishing client. */
export async function publisher(url: string): Promise<MqttClient> {
  const client = connect(url, {
    clientId: `rx-test-pub-${Math.random().toString(36).slice(2)}`,
    reconnectPeriod: 0,
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  return client;
}

/** Publishes every message at QoS 1 and resolves once the broker has acknowledged them all. */
export async function publishAll(
  client: MqttClient,
  messages: readonly { topic: string; payload: string | Uint8Array }[],
): Promise<void> {
  await Promise.all(messages.map((m) => client.publishAsync(m.topic, Buffer.from(m.payload), { qos: 1 })));
}

/** Waits until `done()` holds, checking every 50 ms, failing after `ms`. */
export async function until(done: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
