/**
 * The MQTT ingest adapter: subscribes (QoS 1) to `renxing/<city>/<asset>/<sensor>` (JSON
 * `{"ts": <instant or epoch seconds>, "value": <number>}`) and to Sparkplug B
 * `spBv1.0/<city>/DDATA/<edge node>/<asset>` (each metric a reading: its name the sensor, its
 * timestamp or the payload's in ms, its scalar value), gathers readings and hands them to
 * `ingestReadings` in batches (every `flushMs`, at once at `maxBatch`, and at once after the batch
 * before when readings arrived meanwhile), one batch at a time.
 * A malformed message is counted and logged with its topic and reason, never thrown. The client
 * reconnects on its own and quietly. Beside it, a ticker runs the offline check every
 * `offlineTickSeconds` on the server's clock, broker or not.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '@renxing/db';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { checkOffline } from './offline.js';
import type { RawReading } from './reading-input.js';
import { ingestReadings } from './readings.js';
import { decodeSparkplug, SparkplugError } from './sparkplug.js';

/** What the adapter logs through (pino's shape: an object, then the message). */
export interface FeedLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const SILENT: FeedLog = { info() {}, warn() {}, error() {} };

/** Tries a batch gets (a deadlock or a lost connection may pass). */
const RETRIES = 3;

export interface SensorFeedOptions {
  db: Db;
  /** The broker (`mqtt://127.0.0.1:1883`); null: no MQTT, the offline ticker only. */
  url: string | null;
  /** The city's code, the topics' second level. */
  city: string;
  /** The server's clock, epoch seconds. */
  now: () => number;
  /** Seconds between offline checks (0: none). */
  offlineTickSeconds: number;
  /** Milliseconds readings wait to be stored with others (default 100). */
  flushMs?: number;
  /** Readings that are stored at once without waiting (default 2000). */
  maxBatch?: number;
  log?: FeedLog;
  /** Extra options for the MQTT client (tests shorten the reconnect period). */
  client?: IClientOptions;
}

export interface FeedStats {
  /** MQTT messages received on the subscribed topics. */
  messages: number;
  /** Readings taken from them (a Sparkplug message may hold several). */
  readings: number;
  stored: number;
  /** Readings refused by ingest (unknown sensor, bad time or value, another asset's sensor). */
  rejected: number;
  /** Messages that held no reading to take: bad topic, payload not JSON or protobuf, … */
  malformed: number;
  batches: number;
  raised: number;
  cleared: number;
  /** Sensors the offline check found silent. */
  offline: number;
  /** Batches or checks that failed (logged). */
  failures: number;
}

export type MalformedReason =
  | 'bad_topic'
  | 'not_json'
  | 'not_a_reading'
  | 'not_sparkplug'
  | 'metric_without_name'
  | 'metric_without_value';

/** The readings of one message, or why it has none. */
export function readingsOfMessage(
  topic: string,
  payload: Uint8Array,
  city: string,
): { readings: RawReading[]; malformed: { reason: MalformedReason; detail?: string }[] } {
  const levels = topic.split('/');
  if (levels.length === 4 && levels[0] === 'renxing' && levels[1] === city && levels[2] && levels[3]) {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload).toString('utf8'));
    } catch {
      return { readings: [], malformed: [{ reason: 'not_json' }] };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return { readings: [], malformed: [{ reason: 'not_a_reading', detail: 'not an object' }] };
    }
    const o = json as Record<string, unknown>;
    if ((typeof o.ts !== 'number' && typeof o.ts !== 'string') || typeof o.value !== 'number') {
      return {
        readings: [],
        malformed: [{ reason: 'not_a_reading', detail: 'needs {"ts", "value": number}' }],
      };
    }
    return { readings: [{ asset: levels[2], sensor: levels[3], ts: o.ts, value: o.value }], malformed: [] };
  }
  if (
    levels.length === 5 &&
    levels[0] === 'spBv1.0' &&
    levels[1] === city &&
    levels[2] === 'DDATA' &&
    levels[3] &&
    levels[4]
  ) {
    let p: ReturnType<typeof decodeSparkplug>;
    try {
      p = decodeSparkplug(payload);
    } catch (e) {
      const detail = e instanceof SparkplugError ? e.message : String(e);
      return { readings: [], malformed: [{ reason: 'not_sparkplug', detail }] };
    }
    const readings: RawReading[] = [];
    const malformed: { reason: MalformedReason; detail?: string }[] = [];
    for (const m of p.metrics) {
      if (!m.name) {
        malformed.push({
          reason: 'metric_without_name',
          detail: m.alias === null ? undefined : `alias ${m.alias}`,
        });
        continue;
      }
      if (m.isNull || m.value === null) {
        malformed.push({ reason: 'metric_without_value', detail: m.name });
        continue;
      }
      const ms = m.timestamp ?? p.timestamp;
      readings.push({
        asset: levels[4],
        sensor: m.name,
        ts: ms === null ? Number.NaN : ms / 1000,
        value: m.value,
      });
    }
    return { readings, malformed };
  }
  return { readings: [], malformed: [{ reason: 'bad_topic' }] };
}

interface Pending {
  topic: string;
  reading: RawReading;
}

/** Logs at most `per` lines every `windowMs`, then how many it left out. */
class Throttle {
  private count = 0;
  private dropped = 0;
  private since = 0;
  constructor(
    private readonly per: number,
    private readonly windowMs: number,
    private readonly log: (obj: object, msg: string) => void,
  ) {}
  line(obj: object, msg: string): void {
    const t = Date.now();
    if (t - this.since >= this.windowMs) {
      if (this.dropped > 0)
        this.log({ dropped: this.dropped }, 'more malformed or refused MQTT readings not logged');
      this.since = t;
      this.count = 0;
      this.dropped = 0;
    }
    if (this.count++ < this.per) this.log(obj, msg);
    else this.dropped++;
  }
}

export class SensorFeed {
  readonly stats: FeedStats = {
    messages: 0,
    readings: 0,
    stored: 0,
    rejected: 0,
    malformed: 0,
    batches: 0,
    raised: 0,
    cleared: 0,
    offline: 0,
    failures: 0,
  };
  private client: MqttClient | null = null;
  private buffer: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** A batch is being stored: readings arriving meanwhile wait for it, not for the timer. */
  private storing = false;
  private ticker: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private checking: Promise<void> | null = null;
  private connected = false;
  private warnedDown = false;
  private stopped = false;
  private readonly log: FeedLog;
  private readonly noisy: Throttle;
  private readonly flushMs: number;
  private readonly maxBatch: number;
  /** Resolves when the client has subscribed (tests publish after it). */
  readonly subscribed: Promise<void>;
  private onSubscribed: () => void = () => {};

  constructor(private readonly o: SensorFeedOptions) {
    this.log = o.log ?? SILENT;
    this.noisy = new Throttle(20, 10_000, (obj, msg) => this.log.warn(obj, msg));
    this.flushMs = o.flushMs ?? 100;
    this.maxBatch = o.maxBatch ?? 2000;
    this.subscribed = new Promise((resolve) => {
      this.onSubscribed = resolve;
    });
  }

  /** The topics it subscribes to. */
  get topics(): string[] {
    return [`renxing/${this.o.city}/+/+`, `spBv1.0/${this.o.city}/DDATA/+/+`];
  }

  start(): this {
    if (this.o.offlineTickSeconds > 0) {
      this.ticker = setInterval(() => this.tick(), this.o.offlineTickSeconds * 1000);
      this.ticker.unref();
    }
    if (this.o.url) this.connect(this.o.url);
    return this;
  }

  private connect(url: string): void {
    const client = connect(url, {
      clientId: `renxing-${this.o.city}-${randomBytes(4).toString('hex')}`,
      clean: true,
      reconnectPeriod: 2000,
      connectTimeout: 5000,
      resubscribe: false,
      ...this.o.client,
    });
    this.client = client;
    client.on('connect', () => {
      this.connected = true;
      this.warnedDown = false;
      client.subscribe(this.topics, { qos: 1 }, (error) => {
        if (error) this.log.error({ err: error, topics: this.topics }, 'MQTT subscribe failed');
        else {
          this.log.info({ url, topics: this.topics }, 'MQTT sensors subscribed');
          this.onSubscribed();
        }
      });
    });
    client.on('message', (topic, payload) => this.message(topic, payload));
    client.on('error', (error) => this.down(url, error));
    client.on('close', () => {
      if (this.connected) this.log.warn({ url }, 'MQTT broker connection lost; reconnecting');
      this.connected = false;
    });
  }

  /** Said once per outage: the client retries on its own. */
  private down(url: string, error: Error): void {
    if (this.warnedDown || this.stopped) return;
    this.warnedDown = true;
    this.log.warn({ url, err: error.message }, 'MQTT broker not reachable; retrying quietly');
  }

  /** One message: its readings into the buffer, or counted and logged as malformed. */
  message(topic: string, payload: Uint8Array): void {
    this.stats.messages++;
    const { readings, malformed } = readingsOfMessage(topic, payload, this.o.city);
    for (const m of malformed) {
      this.stats.malformed++;
      this.noisy.line({ topic, reason: m.reason, detail: m.detail }, 'malformed MQTT reading');
    }
    for (const reading of readings) this.buffer.push({ topic, reading });
    this.stats.readings += readings.length;
    if (this.buffer.length >= this.maxBatch) this.flush();
    else if (this.buffer.length > 0 && !this.timer && !this.storing) {
      this.timer = setTimeout(() => this.flush(), this.flushMs);
    }
  }

  /** Hands the buffer to ingest after the batches before it. */
  private flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.buffer;
    if (batch.length === 0) return;
    this.buffer = [];
    this.storing = true;
    this.chain = this.chain
      .then(() => this.store(batch))
      .then(() => {
        // What arrived while this batch was being stored goes next, at once: under load the
        // batches grow with the load, and no reading waits for the timer behind a busy database.
        this.storing = false;
        if (this.buffer.length > 0 && !this.stopped) this.flush();
      });
  }

  private async store(batch: Pending[]): Promise<void> {
    const at = new Date(this.o.now() * 1000);
    const readings = batch.map((p) => p.reading);
    const ingest = async (attempt: number): Promise<Awaited<ReturnType<typeof ingestReadings>>> => {
      try {
        return await ingestReadings(this.o.db, readings, at, { actor: 'system:mqtt', source: 'mqtt' });
      } catch (error) {
        // The batch's transaction rolled back whole: trying again stores nothing twice.
        if (attempt >= RETRIES || this.stopped) throw error;
        this.log.warn({ err: error, attempt }, 'storing MQTT readings failed; trying again');
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        return ingest(attempt + 1);
      }
    };
    try {
      const r = await ingest(1);
      this.stats.batches++;
      this.stats.stored += r.stored;
      this.stats.rejected += r.rejected.length;
      this.stats.raised += r.raised;
      this.stats.cleared += r.cleared;
      for (const x of r.rejected) {
        this.noisy.line(
          { topic: batch[x.index].topic, sensor: batch[x.index].reading.sensor, reason: x.reason },
          'MQTT reading refused',
        );
      }
    } catch (error) {
      this.stats.failures++;
      this.log.error({ err: error, readings: batch.length }, 'storing MQTT readings failed');
    }
  }

  /** One offline check, unless the previous one is still running. */
  private tick(): void {
    if (this.checking || this.stopped) return;
    this.checking = (async () => {
      try {
        const r = await checkOffline(this.o.db, new Date(this.o.now() * 1000));
        this.stats.offline += r.sensors.length;
        if (r.sensors.length > 0) {
          this.log.info({ sensors: r.sensors.map((s) => s.id), assets: r.assets }, 'sensors offline');
        }
      } catch (error) {
        this.stats.failures++;
        this.log.error({ err: error }, 'offline check failed');
      } finally {
        this.checking = null;
      }
    })();
  }

  /** Resolves once every reading received so far is stored (or refused). */
  async idle(): Promise<void> {
    this.flush();
    await this.chain;
  }

  /** Stops the ticker and the client, then stores what was received. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    const client = this.client;
    this.client = null;
    if (client) {
      await Promise.race([
        client.endAsync(false),
        new Promise((resolve) => setTimeout(resolve, 2000).unref()),
      ]).catch(() => {});
      if (!client.disconnected) await client.endAsync(true).catch(() => {});
    }
    await this.idle();
    await this.checking;
  }
}

/** Starts the adapter (and its offline ticker); stop it with `stop()`. */
export function startSensorFeed(o: SensorFeedOptions): SensorFeed {
  return new SensorFeed(o).start();
}
