/**
 * The demo's sensor simulator: while the server runs, publishes a reading of every simulated
 * sensor every few seconds over MQTT (topic `renxing/<city>/<asset>/<sensor>`, JSON payload
 * `{"ts": <epoch seconds>, "value": <number>}`, QoS 0) — plausible values around each sensor's
 * normal level with noise and a slow swing, and, for a sensor given a drift, a slow slide after a
 * while to a level past its threshold, where it stays (the alarm it raises stays raised).
 *
 * A broker that is not there does not stop anything: the simulator logs once, keeps retrying
 * quietly, and drops the readings meanwhile (none are queued). Seeded: the same options publish
 * the same values at the same instants.
 */
import { connect, type MqttClient } from 'mqtt';

export interface SimSensor {
  asset: string;
  sensor: string;
  /** The plausible level, the noise (standard deviation) around it, and the decimals published. */
  normal: number;
  noise: number;
  decimals: number;
  /** From `afterS` seconds after the start, the level slides linearly to `to`, reached `overS` seconds later. */
  drift?: { afterS: number; overS: number; to: number };
}

export interface SimulatorOptions {
  /** The broker, e.g. `mqtt://127.0.0.1:1883`. */
  url: string;
  /** The city's code: the topics' second level. */
  city: string;
  sensors: readonly SimSensor[];
  /** The clock (epoch seconds; default the system's). */
  now?: () => number;
  /** Milliseconds between two rounds of readings (default 5,000). */
  intervalMs?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface SensorSimulator {
  /** Stops publishing and disconnects. */
  stop(): Promise<void>;
}

/** mulberry32. */
function stream(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The value of `s` at `elapsed` seconds after the start, with `gauss` a standard normal draw. */
export function simulatedValue(s: SimSensor, elapsed: number, gauss: number, phase: number): number {
  let level = s.normal;
  if (s.drift && elapsed > s.drift.afterS) {
    const share = Math.min(1, (elapsed - s.drift.afterS) / Math.max(1e-9, s.drift.overS));
    level += (s.drift.to - s.normal) * share;
  }
  // A slow swing (ten minutes) of twice the noise, then the noise.
  const swing = 2 * s.noise * Math.sin((2 * Math.PI * elapsed) / 600 + phase);
  const f = 10 ** s.decimals;
  return Math.round((level + swing + s.noise * gauss) * f) / f;
}

export const topicOf = (city: string, s: Pick<SimSensor, 'asset' | 'sensor'>): string =>
  `renxing/${city}/${s.asset}/${s.sensor}`;

export function startSensorSimulator(o: SimulatorOptions): SensorSimulator {
  const now = o.now ?? (() => Date.now() / 1000);
  const log = o.log ?? ((line: string) => console.log(line));
  const rnd = stream(o.seed ?? 0x5e45);
  const gauss = () => {
    const u = 1 - rnd();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const phases = o.sensors.map(() => rnd() * 2 * Math.PI);
  const start = now();
  let warned = false;
  let stopped = false;
  const client: MqttClient = connect(o.url, {
    clientId: `renxing-sensor-sim-${process.pid}-${Math.floor(rnd() * 1e9)}`,
    connectTimeout: 3000,
    reconnectPeriod: 5000,
    // Nothing is kept while the broker is away: a reading is worth publishing only when it is taken.
    queueQoSZero: false,
  });
  client.on('error', (error) => {
    if (warned) return;
    warned = true;
    log(
      `sensor simulator: no MQTT broker at ${o.url} (${error.message}); readings are dropped until one answers`,
    );
  });
  client.on('offline', () => {
    if (warned || stopped) return;
    warned = true;
    log(`sensor simulator: no MQTT broker at ${o.url}; readings are dropped until one answers`);
  });
  client.on('connect', () => {
    if (warned) log(`sensor simulator: connected to ${o.url}`);
    warned = false;
  });

  const round = () => {
    const t = now();
    const ts = Math.floor(t);
    o.sensors.forEach((s, i) => {
      const value = simulatedValue(s, t - start, gauss(), phases[i]);
      if (client.connected) client.publish(topicOf(o.city, s), JSON.stringify({ ts, value }), { qos: 0 });
    });
  };
  round();
  const timer = setInterval(round, o.intervalMs ?? 5000);
  timer.unref();
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await client.endAsync();
    },
  };
}
