/**
 * `renxing stream publish FILE`: a pings CSV (shared/contracts/companion-rule.md) onto the PINGS
 * stream, partitioned by subject, with progress on stderr. Bad rows go to the rejects file
 * (`file,line,reason`, default `FILE.rejects.csv`, written only when there are any); duplicates are
 * the stay builders' to drop (the first in stream order wins, as the first in file order does in a
 * batch run). Every message carries a msgID, so publishing the same file again is de-duplicated by
 * JetStream within its window. The subjects are published as they are in the file: pseudonymise
 * before, or publish through the service's pings import, which does.
 */
import fs from 'node:fs';
import type { Locale } from '@renxing/contracts';
import { REJECTS_HEADER, rejectLine } from '@renxing/engine';
import { openStream, publishPingsCsv } from '@renxing/stream';
import { companionParams, type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { CHUNK, openForRead, TextFile } from '../files.js';
import { flagsOf, GRID } from '../flags.js';
import { compact, progress } from '../progress.js';
import { writeJson } from '../summary.js';
import { CONNECTION, streamConfig, streamFlags, streamWords } from './stream-config.js';

export interface PublishOutcome {
  rows: number;
  published: number;
  rejected: number;
  duplicates?: number;
  seconds: number;
  rejectsFile: string | null;
}

export async function streamPublishCommand(
  flags: Flags,
  locale: Locale,
  out: { write(s: string): unknown } = process.stdout,
): Promise<PublishOutcome> {
  const w = streamWords(locale);
  const file = requireFlag(flags, 'file');
  const params = companionParams(flags);
  const cfg = streamConfig(flags, params);
  const rejectsPath =
    typeof flags.rejects === 'string' && flags.rejects ? flags.rejects : `${file}.rejects.csv`;
  const { fd, size } = openForRead(file);
  const t0 = performance.now();
  const partial = `${rejectsPath}.partial`;
  const rejects = new TextFile(partial);
  rejects.write(REJECTS_HEADER);
  const bar = progress(`${w.publishing} ${file}`, size);
  let result: Awaited<ReturnType<typeof publishPingsCsv>>;
  const client = await openStream(cfg);
  try {
    result = await publishPingsCsv(client, chunksOf(fd, size), {
      source: file,
      onReject: (line, reason) => rejects.write(rejectLine('pings', line, reason)),
      onProgress: (p) =>
        bar.update(
          p.bytes,
          `${compact(p.bytes)}B / ${compact(size)}B, ${compact(p.published)} ${w.published}`,
        ),
    });
  } catch (e) {
    rejects.close();
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    fs.closeSync(fd);
    await client.close();
  }
  rejects.close();
  const seconds = (performance.now() - t0) / 1000;
  bar.finish(`${compact(result.published)} ${w.published}`);
  let rejectsFile: string | null = null;
  if (result.rejected > 0) {
    fs.renameSync(partial, rejectsPath);
    rejectsFile = rejectsPath;
  } else {
    fs.rmSync(partial, { force: true });
    // A stale report of an earlier run of the same file, unless asked for by name.
    if (typeof flags.rejects !== 'string') fs.rmSync(rejectsPath, { force: true });
  }
  const outcome: PublishOutcome = {
    rows: result.rows,
    published: result.published,
    rejected: result.rejected,
    ...(result.duplicates !== undefined ? { duplicates: result.duplicates } : {}),
    seconds: Number(seconds.toFixed(3)),
    rejectsFile,
  };
  if (typeof flags.summary === 'string') writeJson(flags.summary, { ...outcome, prefix: cfg.prefix });
  out.write(
    [
      `${w.rows}: ${result.rows}`,
      `${w.published}: ${result.published}`,
      `${w.rejected}: ${result.rejected}`,
      ...(result.duplicates !== undefined ? [`${w.duplicates}: ${result.duplicates}`] : []),
      `${w.seconds}: ${seconds.toFixed(2)} s (${compact(Math.round(result.published / Math.max(seconds, 1e-9)))} ${w.rate})`,
      ...(rejectsFile ? [`${w.rejects}: ${rejectsFile}`] : []),
      '',
    ].join('\n'),
  );
  return outcome;
}

/** The file in CHUNK-sized reads (the buffer is reused: the publisher copies what it keeps). */
async function* chunksOf(fd: number, size: number): AsyncGenerator<Uint8Array> {
  const buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(size, 1)));
  let at = 0;
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, at);
    if (n === 0) return;
    at += n;
    yield buf.subarray(0, n);
  }
}

export const command: Command = {
  words: ['stream', 'publish'],
  operand: 'FILE',
  usage: {
    en: 'renxing stream publish FILE [--nats URL] [--prefix P] [--rejects R.csv] [--summary S.json] [grid options]',
    'zh-CN':
      'renxing stream publish FILE [--nats URL] [--prefix P] [--rejects R.csv] [--summary S.json] [网格选项]',
  },
  flags: { ...streamFlags(...CONNECTION), ...flagsOf('rejects', 'summary', ...GRID) },
  run: async (flags, locale) => {
    await streamPublishCommand(flags, locale);
    return 0;
  },
};
