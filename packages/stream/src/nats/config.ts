/** The stream's configuration (from the environment) and the names derived from its prefix. */
import { RenxingError } from '@renxing/contracts';
import type { CompanionParams } from '@renxing/engine';
import { DEFAULT_STREAM_RETENTION_DAYS } from '../core/retention.js';
import '../errors.js';

export interface StreamConfig {
  /** RENXING_NATS_URL, comma-separated. */
  servers: string[];
  /** RENXING_STREAM_PREFIX, default 'rx': every stream, subject, bucket and store name starts with it. */
  prefix: string;
  /** RENXING_STREAM_PARTITIONS, default 16: ping subjects (a hash of the subject picks one). */
  partitions: number;
  /** RENXING_STREAM_SHARDS, default 8: index shards (a hash of the cell picks one). */
  shards: number;
  /** RENXING_STREAM_REPLICAS, default 1 (3 in a cluster). */
  replicas: number;
  /** The grid and max_gap stays are built with (and the query's defaults). */
  params: CompanionParams;
  /** RENXING_STREAM_SNAPSHOTS: a folder; null = the JetStream object store. */
  snapshotDir: string | null;
  /** RENXING_STREAM_SNAPSHOT_SECONDS, default 10. */
  snapshotEverySeconds: number;
  /** RENXING_STREAM_LEASE_SECONDS, default 10: a dead member's partitions are taken over after this. */
  leaseSeconds?: number;
  /**
   * RENXING_STREAM_RETENTION_DAYS, default 21 (as RENXING_RETENTION_DAYS for the trajectory store):
   * pings before the start of the local day this many days ago are deleted from the builders and
   * the shards, and the streams keep messages one day longer (publish time lags ping time).
   */
  retentionDays?: number;
}

/** The retention window in force, in days. */
export function retentionDaysOf(cfg: StreamConfig): number {
  return cfg.retentionDays ?? DEFAULT_STREAM_RETENTION_DAYS;
}

/** The streams' max_age, nanoseconds: the retention window and one day's margin. */
export function streamMaxAgeNanos(cfg: StreamConfig): number {
  return (retentionDaysOf(cfg) + 1) * 86400 * 1e9;
}

export const DEFAULT_LEASE_SECONDS = 10;

/** The names every process derives from the prefix (one place, so they never drift apart). */
export interface StreamNames {
  pingsStream: string;
  staysStream: string;
  metaBucket: string;
  leaseBucket: string;
  snapshotStore: string;
  pings(partition: number): string;
  stays(shard: number): string;
  query(shard: number): string;
  queryGroup: string;
}

export function streamNames(prefix: string): StreamNames {
  const P = prefix.toUpperCase();
  return {
    pingsStream: `${P}_PINGS`,
    staysStream: `${P}_STAYS`,
    metaBucket: `${prefix}-meta`,
    leaseBucket: `${prefix}-leases`,
    snapshotStore: `${prefix}-snapshots`,
    pings: (partition) => `${prefix}.pings.${partition}`,
    stays: (shard) => `${prefix}.stays.${shard}`,
    query: (shard) => `${prefix}.query.${shard}`,
    queryGroup: `${prefix}-index`,
  };
}

function configError(detail: string): RenxingError {
  return new RenxingError('RX_STREAM_CONFIG', { detail });
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const v = Number(raw);
  if (!Number.isSafeInteger(v) || v < min || v > max)
    throw configError(`${name}=${raw} (a whole number ${min}–${max})`);
  return v;
}

/** Checks a configuration built by hand (tests, the CLI's flags) the way the environment is checked. */
export function checkStreamConfig(cfg: StreamConfig): StreamConfig {
  if (cfg.servers.length === 0) throw configError('no NATS server given');
  // Stream names allow no dots or wildcards, buckets only [A-Za-z0-9_-]: the prefix lives in both.
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(cfg.prefix))
    throw configError(`prefix "${cfg.prefix}" (letters, digits, _ or -)`);
  const whole = (v: number, lo: number, hi: number) => Number.isSafeInteger(v) && v >= lo && v <= hi;
  if (!whole(cfg.partitions, 1, 4096)) throw configError(`partitions ${cfg.partitions} (1–4096)`);
  if (!whole(cfg.shards, 1, 4096)) throw configError(`shards ${cfg.shards} (1–4096)`);
  if (!whole(cfg.replicas, 1, 5)) throw configError(`replicas ${cfg.replicas} (1–5)`);
  if (!(cfg.snapshotEverySeconds > 0)) throw configError(`snapshotEverySeconds ${cfg.snapshotEverySeconds}`);
  if (cfg.leaseSeconds !== undefined && !(cfg.leaseSeconds >= 1))
    throw configError(`leaseSeconds ${cfg.leaseSeconds}`);
  if (cfg.retentionDays !== undefined && !whole(cfg.retentionDays, 1, 36500))
    throw configError(`retentionDays ${cfg.retentionDays} (1–36500)`);
  return cfg;
}

/** The configuration from RENXING_NATS_URL and RENXING_STREAM_*; null when RENXING_NATS_URL is unset or 'off'. */
export function streamConfigFromEnv(env: NodeJS.ProcessEnv, params: CompanionParams): StreamConfig | null {
  const url = env.RENXING_NATS_URL?.trim();
  if (!url || url.toLowerCase() === 'off') return null;
  const seconds = env.RENXING_STREAM_SNAPSHOT_SECONDS?.trim();
  const every = seconds ? Number(seconds) : 10;
  if (!(every > 0)) throw configError(`RENXING_STREAM_SNAPSHOT_SECONDS=${seconds}`);
  const dir = env.RENXING_STREAM_SNAPSHOTS?.trim();
  return checkStreamConfig({
    servers: url
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    prefix: env.RENXING_STREAM_PREFIX?.trim() || 'rx',
    partitions: intFrom(env, 'RENXING_STREAM_PARTITIONS', 16, 1, 4096),
    shards: intFrom(env, 'RENXING_STREAM_SHARDS', 8, 1, 4096),
    replicas: intFrom(env, 'RENXING_STREAM_REPLICAS', 1, 1, 5),
    params,
    snapshotDir: dir ? dir : null,
    snapshotEverySeconds: every,
    leaseSeconds: intFrom(env, 'RENXING_STREAM_LEASE_SECONDS', DEFAULT_LEASE_SECONDS, 1, 3600),
    retentionDays: intFrom(env, 'RENXING_STREAM_RETENTION_DAYS', DEFAULT_STREAM_RETENTION_DAYS, 1, 36500),
  });
}
