/**
 * What every `renxing stream …` command shares: its connection flags and the stream configuration
 * they give (the environment's RENXING_NATS_URL / RENXING_STREAM_*, `--nats` and `--prefix` over it),
 * lists of partitions or shards (`0,1,5`), and its words in each locale.
 */
import os from 'node:os';
import { type Locale, RenxingError } from '@renxing/contracts';
import type { CompanionParams } from '@renxing/engine';
import { type StreamConfig, streamConfigFromEnv } from '@renxing/stream';
import type { Flags } from '../args.js';
import type { FlagSpec } from '../command.js';
import { stringFlag } from '../flags.js';

/** The flags only the stream commands take. */
export const STREAM_FLAGS = {
  nats: stringFlag(
    'URL',
    'NATS server(s), comma-separated (default RENXING_NATS_URL)',
    'NATS 服务器地址，逗号分隔（默认 RENXING_NATS_URL）',
  ),
  prefix: stringFlag(
    'P',
    'names of the streams, buckets and subjects (default RENXING_STREAM_PREFIX, else rx)',
    '流、存储桶与主题名的前缀（默认 RENXING_STREAM_PREFIX，否则 rx）',
  ),
  id: stringFlag(
    'ID',
    'this role process’s name (default <role>-<host>-<pid>)',
    '本角色进程的名称（默认 <角色>-<主机>-<pid>）',
  ),
  partitions: stringFlag(
    'LIST',
    'build only these ping partitions, e.g. 0,1 (default: a fair share, by lease)',
    '只构建这些定位分区，如 0,1（默认：按租约均分）',
  ),
  shards: stringFlag(
    'LIST',
    'index only these shards, e.g. 2,3 (default: a fair share, by lease)',
    '只负责这些索引分片，如 2,3（默认：按租约均分）',
  ),
  'metrics-port': stringFlag(
    'N',
    'serve Prometheus /metrics on this port',
    '在此端口提供 Prometheus /metrics',
  ),
  json: {
    type: 'boolean',
    help: { en: 'print the status as JSON', 'zh-CN': '以 JSON 输出状态' },
  },
  wait: stringFlag(
    'S',
    'first wait up to S s until every ping published is indexed and every shard answers (default 0)',
    '先等待最多 S 秒，直到已发布的定位全部入索引且各分片均可应答（默认 0）',
  ),
} as const satisfies Record<string, FlagSpec>;

/** The connection flags every stream command takes. */
export const CONNECTION: (keyof typeof STREAM_FLAGS)[] = ['nats', 'prefix'];

export function streamFlags(...names: (keyof typeof STREAM_FLAGS)[]): Record<string, FlagSpec> {
  return Object.fromEntries(names.map((n) => [n, STREAM_FLAGS[n]]));
}

/** The stream configuration from the environment and the flags; stops when no server is named. */
export function streamConfig(
  flags: Flags,
  params: CompanionParams,
  env: NodeJS.ProcessEnv = process.env,
): StreamConfig {
  const nats = typeof flags.nats === 'string' && flags.nats.trim() !== '' ? flags.nats.trim() : undefined;
  const cfg = streamConfigFromEnv(nats ? { ...env, RENXING_NATS_URL: nats } : env, params);
  if (!cfg) throw new RenxingError('RX_MISSING_FLAG', { flag: '--nats (or RENXING_NATS_URL)' });
  const prefix = typeof flags.prefix === 'string' && flags.prefix !== '' ? flags.prefix : undefined;
  if (prefix !== undefined && !/^[A-Za-z0-9_-]+$/.test(prefix))
    throw new RenxingError('RX_BAD_FLAG', { flag: '--prefix', detail: 'letters, digits, _ and - only' });
  return prefix ? { ...cfg, prefix } : cfg;
}

/** `--partitions 0,1,5` → [0, 1, 5]; undefined when not given. Each must be < `count`. */
export function listFlag(flags: Flags, name: string, count: number): number[] | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  const items = String(v).split(',');
  const out: number[] = [];
  for (const item of items) {
    const n = Number(item.trim());
    if (item.trim() === '' || !Number.isSafeInteger(n) || n < 0 || n >= count)
      throw new RenxingError('RX_BAD_FLAG', {
        flag: `--${name}`,
        detail: `"${item}" is not a whole number from 0 to ${count - 1}`,
      });
    if (!out.includes(n)) out.push(n);
  }
  return out.sort((a, b) => a - b);
}

/** `--metrics-port N` → N, undefined when not given (0 lets the system pick a port). */
export function portFlag(flags: Flags, name: string): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isSafeInteger(n) || n < 0 || n > 65535)
    throw new RenxingError('RX_BAD_FLAG', { flag: `--${name}`, detail: 'a port from 0 to 65535' });
  return n;
}

export const defaultId = (kind: string): string => `${kind}-${os.hostname()}-${process.pid}`;

const WORDS = {
  en: {
    publishing: 'publishing pings',
    rows: 'rows read',
    published: 'pings published',
    rejected: 'rows rejected',
    duplicates: 'pings already in the stream (not stored again)',
    rejects: 'rejects',
    seconds: 'time',
    rate: 'pings/s',
    started: '{kind} {id} started on {servers} (stream {prefix}){metrics}',
    metricsAt: '; metrics at http://127.0.0.1:{port}/metrics',
    stopping: '{id}: stopping (final snapshot) …',
    stopped: '{id}: stopped',
    partitions: 'Partitions',
    shards: 'Shards',
    members: 'Live roles',
    none: '(none)',
    querying: 'querying the index shards',
    waiting: 'waiting until every published ping is indexed',
    pings: 'pings in the index',
    cases: 'cases',
    caseRejects: 'case rows rejected',
    companions: 'companions',
    out: 'output',
  },
  'zh-CN': {
    publishing: '正在发布定位数据',
    rows: '读取行数',
    published: '已发布定位点',
    rejected: '拒绝行数',
    duplicates: '流中已有的定位点（未重复存储）',
    rejects: '拒绝明细',
    seconds: '耗时',
    rate: '定位点/秒',
    started: '{kind} {id} 已启动，连接 {servers}（流 {prefix}）{metrics}',
    metricsAt: '；指标见 http://127.0.0.1:{port}/metrics',
    stopping: '{id}：正在停止（写最终快照）…',
    stopped: '{id}：已停止',
    partitions: '定位分区',
    shards: '索引分片',
    members: '在线角色',
    none: '（无）',
    querying: '正在查询索引分片',
    waiting: '等待已发布的定位全部入索引',
    pings: '索引中的定位点',
    cases: '病例',
    caseRejects: '被拒病例行',
    companions: '时空伴随者',
    out: '输出',
  },
} as const;

export type StreamWords = Record<keyof (typeof WORDS)['en'], string>;

export const streamWords = (locale: Locale): StreamWords => WORDS[locale];
