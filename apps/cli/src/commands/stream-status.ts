/**
 * `renxing stream status`: how far behind the stream each ping partition's builder and each index
 * shard is (messages published but not yet built / applied), who holds each, and the live roles.
 * `--json` prints the same as JSON (for scripts and the fault tests).
 */
import type { Locale } from '@renxing/contracts';
import { openStream, type StreamStatus, streamStatus } from '@renxing/stream';
import { companionParams, type Flags } from '../args.js';
import type { Command } from '../command.js';
import { flagsOf, GRID } from '../flags.js';
import { CONNECTION, streamConfig, streamFlags, streamWords } from './stream-config.js';

export async function readStreamStatus(flags: Flags): Promise<StreamStatus> {
  const client = await openStream(streamConfig(flags, companionParams(flags)));
  try {
    return await streamStatus(client);
  } finally {
    await client.close();
  }
}

/** Columns padded to their widest cell; numbers right-aligned. */
function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const width = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells
    .map((r, y) =>
      r
        .map((c, i) => (y > 0 && typeof rows[y][i] === 'number' ? c.padStart(width[i]) : c.padEnd(width[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatStatus(s: StreamStatus, locale: Locale): string {
  const w = streamWords(locale);
  const dash = (v: string | number | null) => (v === null ? '-' : v);
  const parts = table([
    ['partition', 'published', 'built', 'lag', 'pings', 'duplicates', 'owner'],
    ...s.partitions.map((p) => [
      p.partition,
      p.published,
      p.built,
      p.lag,
      p.pings,
      p.duplicates,
      dash(p.owner),
    ]),
  ]);
  const shards = table([
    ['shard', 'published', 'applied', 'lag', 'stays', 'owner'],
    ...s.shards.map((h) => [h.shard, h.published, h.applied, h.lag, dash(h.stays), dash(h.owner)]),
  ]);
  const members =
    s.members.length === 0
      ? `  ${w.none}`
      : s.members.map((m) => `  ${m.kind} ${m.id} (${new Date(m.seenAt * 1000).toISOString()})`).join('\n');
  return `${w.partitions}\n${parts}\n\n${w.shards}\n${shards}\n\n${w.members}\n${members}\n`;
}

export const command: Command = {
  words: ['stream', 'status'],
  usage: {
    en: 'renxing stream status [--json] [--nats URL] [--prefix P]',
    'zh-CN': 'renxing stream status [--json] [--nats URL] [--prefix P]',
  },
  flags: { ...streamFlags('json', ...CONNECTION), ...flagsOf(...GRID) },
  run: async (flags, locale) => {
    const s = await readStreamStatus(flags);
    process.stdout.write(flags.json ? `${JSON.stringify(s, null, 2)}\n` : formatStatus(s, locale));
    return 0;
  },
};
