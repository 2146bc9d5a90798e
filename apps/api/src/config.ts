/**
 * The server's configuration, read from the environment once and checked before anything starts:
 * a bad value stops the start with a message naming the variable. Nothing below apps/ reads
 * `process.env`; modules get what they need through the AppContext built from this.
 */
import { DEFAULT_PARAMS, type GridParams } from '@renxing/engine';
import { DEFAULT_VERIFY_LIMIT, presetOf } from '@renxing/modules/health-codes';
import { DEFAULT_MAIL_FROM, parseSmtpUrl } from '@renxing/notify';

export interface Config {
  /** RENXING_DATA_DIR (default `data`): the city secret, the signing keys, the embedded database. */
  dataDir: string;
  /** RENXING_PRESET (default `default`): the city's rule preset. */
  preset: string;
  /** The city profile's grid (the contract's default). */
  grid: GridParams;
  /** RENXING_CITY_SECRET, when the city secret is not kept in the data directory. */
  citySecret?: string;
  /** RENXING_AUDIT_KEY, RENXING_AUDIT_SEALS (a folder) and RENXING_AUDIT_SEAL_SECONDS (default 2, 0: off). */
  auditKey?: string;
  auditSeals?: string;
  auditSealSeconds: number;
  /** RENXING_SECRET: the server secret keying CSRF tokens (default derived from the city secret). */
  secret?: string;
  /** RENXING_SIGNING_KEY (PEM) and RENXING_SIGNING_KEYS_PREVIOUS (PEM blocks). */
  signingKey?: string;
  previousSigningKeys?: string;
  /** RENXING_SECURE_COOKIES=1 behind HTTPS. */
  secureCookies: boolean;
  /** RENXING_LOGIN_LIMIT (default 5) and RENXING_VERIFY_LIMIT (default 600) per IP per minute. */
  loginLimit: number;
  verifyLimit: number;
  /** RENXING_IMPORTS (default 2): uploads parsed at once on this server (one per user). */
  imports: number;
  /** RENXING_RETENTION_DAYS (default 21): trajectories older than this are purged. */
  retentionDays: number;
  /** PORT (default 3000) and HOST (default 127.0.0.1). */
  port: number;
  host: string;
  /** RENXING_DEMO=0 skips the demo city on a new database; RENXING_DEMO_PHONES its size. */
  demo: boolean;
  demoPhones: number;
  /** LOG_LEVEL (default info). */
  logLevel: string;
  /**
   * Live sensors: RENXING_MQTT_URL (default mqtt://127.0.0.1:1883; `off` for none), RENXING_CITY
   * (default `cq`, the demo city's code: topics are `renxing/<city>/<asset>/<sensor>`) and
   * RENXING_OFFLINE_TICK_SECONDS (default 2; 0: sensors are never marked offline).
   */
  sensors: { mqttUrl: string | null; city: string; offlineTickSeconds: number };
  /**
   * RENXING_SENSOR_SIM (default on; `off`, `0` or `false`: off): with the demo city, simulated
   * sensors publish readings to the broker while the server runs, one of them drifting into an alarm.
   */
  sensorSimulator: boolean;
  /**
   * Notifications: RENXING_SMTP_URL (`smtp://host:port` or `smtps://…`; default off: in-app only)
   * and RENXING_MAIL_FROM (the sender, default `韧性平台 <noreply@renxing.local>`).
   */
  mail: { smtpUrl: string | null; from: string };
  /** RENXING_EARLY_WARNING_SECONDS (default 3600; 0: off): how often the residents' early warning runs. */
  /**
   * Mutual aid's scheduled matching: RENXING_AID_MATCH_SECONDS (default 180; 0: only on demand)
   * and RENXING_AID_MAX_KM (default 3 km, the contract's max_km).
   */
  aidMatching: { everySeconds: number; maxKm: number };
  earlyWarningSeconds: number;
  /** RENXING_FEDERATION_RETRY_MAX (default 600): the longest wait between deliveries of a message to a peer city (seconds). */
  federationRetryMax: number;
  /** RENXING_FEDERATION_ID: this instance's code among its peers (default: its city's; a department's own instance sets its own, e.g. `cqga`). */
  federationId?: string;
  /**
   * Streaming at city scale (docs/operators.md): null unless RENXING_NATS_URL names the NATS
   * servers — then the pings import also publishes to JetStream and detection asks the stream's
   * index shards. With no NATS at all the platform runs exactly as before.
   */
  stream: StreamSettings | null;
  /**
   * RENXING_METRICS_TOKEN (at least 16 characters): `/metrics` answers a request bearing it
   * (`Authorization: Bearer …`) from anywhere. Without it, only direct requests from this machine
   * (loopback, no proxy headers) are answered.
   */
  metricsToken: string | null;
}

/** Which stream roles run inside the API process (RENXING_STREAM_ROLES). */
export type StreamRoles = 'none' | 'all' | 'builder' | 'index';

export interface StreamSettings {
  /** RENXING_NATS_URL: the NATS servers, comma-separated (`nats://host:port`, `tls://…`, `host:port`). */
  servers: string[];
  /** RENXING_STREAM_PREFIX (default `rx`): names the streams, KV buckets and object store. */
  prefix: string;
  /** RENXING_STREAM_PARTITIONS (default 16): ping subjects, split by a hash of the pseudonym. */
  partitions: number;
  /** RENXING_STREAM_SHARDS (default 8): index shards, each a set of grid cells. */
  shards: number;
  /** RENXING_STREAM_REPLICAS (default 1; 3 on a three-server cluster): copies of each stream. */
  replicas: number;
  /** RENXING_STREAM_SNAPSHOTS: a folder for the roles' snapshots; unset: the JetStream object store. */
  snapshotDir: string | null;
  /** RENXING_STREAM_SNAPSHOT_SECONDS (default 10): how often a role snapshots its state. */
  snapshotEverySeconds: number;
  /** RENXING_STREAM_LEASE_SECONDS (default 10): a stopped role's partitions or shards are taken over after this. */
  leaseSeconds: number;
  /** RENXING_STREAM_ROLES (default `none`): the stream roles this process runs besides the API. */
  roles: StreamRoles;
  /**
   * RENXING_STREAM_RETENTION_DAYS (default: RENXING_RETENTION_DAYS, i.e. 21): the days of pings the
   * stream keeps — the store's window, so both answer alike.
   */
  retentionDays: number;
}

export const STREAM_DEFAULTS = {
  prefix: 'rx',
  partitions: 16,
  shards: 8,
  replicas: 1,
  snapshotEverySeconds: 10,
  leaseSeconds: 10,
} as const;

/** The broker a server subscribes to when told nothing else: the machine's own Mosquitto. */
export const DEFAULT_MQTT_URL = 'mqtt://127.0.0.1:1883';
/** The demo city's code (modules/demo seeds 重庆市 as `cq`). */
export const DEFAULT_CITY = 'cq';

function mqttUrl(env: NodeJS.ProcessEnv): string | null {
  const text = given(env.RENXING_MQTT_URL) ?? DEFAULT_MQTT_URL;
  if (text === 'off') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`bad RENXING_MQTT_URL: ${text} (mqtt://host:port, mqtts://…, ws://…, or off)`);
  }
  if (!['mqtt:', 'mqtts:', 'tcp:', 'tls:', 'ws:', 'wss:'].includes(url.protocol) || url.hostname === '') {
    throw new RangeError(`bad RENXING_MQTT_URL: ${text} (mqtt://host:port, mqtts://…, ws://…, or off)`);
  }
  return text;
}

function city(env: NodeJS.ProcessEnv): string {
  const text = given(env.RENXING_CITY) ?? DEFAULT_CITY;
  // One MQTT topic level, and a place code: no '/', '+', '#'.
  if (!/^[a-z0-9_]{1,32}$/.test(text))
    throw new RangeError(`bad RENXING_CITY: ${text} (a city code: a-z, 0-9, _)`);
  return text;
}

function smtpUrl(env: NodeJS.ProcessEnv): string | null {
  const text = given(env.RENXING_SMTP_URL) ?? 'off';
  if (text === 'off') return null;
  try {
    parseSmtpUrl(text);
  } catch {
    throw new RangeError(`bad RENXING_SMTP_URL: ${text} (smtp://host:port, smtps://host:port, or off)`);
  }
  return text;
}

function mailFrom(env: NodeJS.ProcessEnv): string {
  const text = given(env.RENXING_MAIL_FROM) ?? DEFAULT_MAIL_FROM;
  // One header line naming one address.
  if (/[\r\n]/.test(text) || !/@[^@\s>]+>?$/.test(text.trim()))
    throw new RangeError(`bad RENXING_MAIL_FROM: ${text} (an address, e.g. 韧性平台 <noreply@city.example>)`);
  return text.trim();
}

const NATS_URL_HINT = 'nats://host:port[,nats://host:port…], or off';

function natsServers(env: NodeJS.ProcessEnv): string[] | null {
  const text = given(env.RENXING_NATS_URL) ?? 'off';
  if (text === 'off') return null;
  const servers = text.split(',').map((s) => s.trim());
  for (const server of servers) {
    let url: URL;
    try {
      // The NATS client takes `host:port` too; read it as nats://host:port to check it.
      url = new URL(server.includes('://') ? server : `nats://${server}`);
    } catch {
      throw new RangeError(`bad RENXING_NATS_URL: ${text} (${NATS_URL_HINT})`);
    }
    if (!['nats:', 'tls:', 'ws:', 'wss:'].includes(url.protocol) || url.hostname === '')
      throw new RangeError(`bad RENXING_NATS_URL: ${text} (${NATS_URL_HINT})`);
  }
  return servers;
}

const STREAM_ROLES: readonly StreamRoles[] = ['none', 'all', 'builder', 'index'];

function streamSettings(env: NodeJS.ProcessEnv): StreamSettings | null {
  const servers = natsServers(env);
  const roles = (given(env.RENXING_STREAM_ROLES) ?? 'none') as StreamRoles;
  if (!STREAM_ROLES.includes(roles))
    throw new RangeError(`bad RENXING_STREAM_ROLES: ${roles} (none, all, builder or index)`);
  const prefix = given(env.RENXING_STREAM_PREFIX) ?? STREAM_DEFAULTS.prefix;
  // A subject token, and part of stream and bucket names: no dots, wildcards or spaces.
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(prefix))
    throw new RangeError(`bad RENXING_STREAM_PREFIX: ${prefix} (letters, digits, _ or -; at most 32)`);
  const settings: StreamSettings = {
    servers: servers ?? [],
    prefix,
    partitions: integer(env, 'RENXING_STREAM_PARTITIONS', STREAM_DEFAULTS.partitions, 1, 4096),
    shards: integer(env, 'RENXING_STREAM_SHARDS', STREAM_DEFAULTS.shards, 1, 4096),
    // JetStream keeps at most 5 replicas of a stream.
    replicas: integer(env, 'RENXING_STREAM_REPLICAS', STREAM_DEFAULTS.replicas, 1, 5),
    snapshotDir: given(env.RENXING_STREAM_SNAPSHOTS) ?? null,
    snapshotEverySeconds: integer(
      env,
      'RENXING_STREAM_SNAPSHOT_SECONDS',
      STREAM_DEFAULTS.snapshotEverySeconds,
      1,
      86_400,
    ),
    leaseSeconds: integer(env, 'RENXING_STREAM_LEASE_SECONDS', STREAM_DEFAULTS.leaseSeconds, 1, 3600),
    roles,
    retentionDays: integer(
      env,
      'RENXING_STREAM_RETENTION_DAYS',
      integer(env, 'RENXING_RETENTION_DAYS', 21, 1, 36_500),
      1,
      36_500,
    ),
  };
  if (servers === null) {
    // The settings are checked even with streaming off: a typo shows before the day it is switched on.
    if (roles !== 'none')
      throw new RangeError(`bad RENXING_STREAM_ROLES: ${roles} needs RENXING_NATS_URL (the NATS servers)`);
    return null;
  }
  return settings;
}

function metricsToken(env: NodeJS.ProcessEnv): string | null {
  const text = given(env.RENXING_METRICS_TOKEN);
  if (text === undefined) return null;
  if (text.length < 16 || /\s/.test(text))
    throw new RangeError('bad RENXING_METRICS_TOKEN: needs at least 16 characters, no spaces');
  return text;
}

const DEFAULT_LOGIN_LIMIT = 5;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`bad ${name}: ${text} (an integer from ${min} to ${max})`);
  }
  return value;
}

const given = (text: string | undefined): string | undefined =>
  text === undefined || text === '' ? undefined : text;

/** Reads and checks the configuration; throws a RangeError naming the first bad variable. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const preset = given(env.RENXING_PRESET) ?? 'default';
  try {
    presetOf(preset);
  } catch {
    throw new RangeError(`bad RENXING_PRESET: ${preset} (default or chengdu-2021)`);
  }
  const secret = given(env.RENXING_SECRET);
  if (secret !== undefined && secret.length < 32)
    throw new RangeError('bad RENXING_SECRET: needs at least 32 characters');
  return {
    dataDir: given(env.RENXING_DATA_DIR) ?? 'data',
    preset,
    grid: DEFAULT_PARAMS,
    citySecret: given(env.RENXING_CITY_SECRET),
    secret,
    auditKey: given(env.RENXING_AUDIT_KEY),
    auditSeals: given(env.RENXING_AUDIT_SEALS),
    auditSealSeconds: integer(env, 'RENXING_AUDIT_SEAL_SECONDS', 2, 0, 86_400),
    signingKey: given(env.RENXING_SIGNING_KEY),
    previousSigningKeys: given(env.RENXING_SIGNING_KEYS_PREVIOUS),
    secureCookies: env.RENXING_SECURE_COOKIES === '1',
    loginLimit: integer(env, 'RENXING_LOGIN_LIMIT', DEFAULT_LOGIN_LIMIT, 1, 1_000_000),
    verifyLimit: integer(env, 'RENXING_VERIFY_LIMIT', DEFAULT_VERIFY_LIMIT, 1, 1_000_000),
    imports: integer(env, 'RENXING_IMPORTS', 2, 1, 64),
    retentionDays: integer(env, 'RENXING_RETENTION_DAYS', 21, 1, 36_500),
    port: integer(env, 'PORT', 3000, 0, 65_535),
    host: given(env.HOST) ?? '127.0.0.1',
    demo: env.RENXING_DEMO !== '0',
    demoPhones: integer(env, 'RENXING_DEMO_PHONES', 20_000, 1, 100_000_000),
    logLevel: given(env.LOG_LEVEL) ?? 'info',
    sensors: {
      mqttUrl: mqttUrl(env),
      city: city(env),
      offlineTickSeconds: integer(env, 'RENXING_OFFLINE_TICK_SECONDS', 2, 0, 3600),
    },
    sensorSimulator: !['off', '0', 'false'].includes(given(env.RENXING_SENSOR_SIM) ?? 'on'),
    mail: { smtpUrl: smtpUrl(env), from: mailFrom(env) },
    earlyWarningSeconds: integer(env, 'RENXING_EARLY_WARNING_SECONDS', 3600, 0, 86_400),
    federationRetryMax: integer(env, 'RENXING_FEDERATION_RETRY_MAX', 600, 1, 86_400),
    federationId: federationIdOf(env),
    aidMatching: {
      everySeconds: integer(env, 'RENXING_AID_MATCH_SECONDS', 180, 0, 86_400),
      maxKm: integer(env, 'RENXING_AID_MAX_KM', 3, 1, 100),
    },
    stream: streamSettings(env),
    metricsToken: metricsToken(env),
  };
}

/** RENXING_FEDERATION_ID: a code like a city's (a-z, then a-z0-9, at most 16). */
function federationIdOf(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const id = given(env.RENXING_FEDERATION_ID);
  if (id === undefined) return undefined;
  if (!/^[a-z][a-z0-9]{0,15}$/.test(id))
    throw new RangeError(`bad RENXING_FEDERATION_ID: ${id} (a-z, then a-z0-9, at most 16 characters)`);
  return id;
}
