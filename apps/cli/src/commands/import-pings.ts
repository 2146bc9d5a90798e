/**
 * `renxing import pings FILE`: a pings CSV (shared/contracts/companion-rule.md) into the trajectory
 * store of the database `openDatabase()` picks (DATABASE_URL, else PGlite under RENXING_DATA_DIR).
 * Phone numbers are pseudonymised with the city secret (RENXING_CITY_SECRET, else
 * `<RENXING_DATA_DIR>/city-secret`) before anything is stored. Bad rows go to the rejects file
 * (`line,reason`), the rest are kept; the whole file is stored in one transaction, and the same
 * file again is a no-op that says so. Pings already stored by earlier imports (same pseudonym,
 * instant and position) are not stored again: counted as already stored.
 *
 * With RENXING_NATS_URL set (streaming at city scale, docs/operators.md) the pings stored are then
 * published to the stream, as the API's import does; a publish that fails leaves the import stored
 * and says so (the API re-publishes it from the store).
 *
 * Flags: `--file PATH` (or the positional FILE, wired by main), `--rejects PATH` (default
 * `FILE.rejects.csv`), `--summary S.json` (the counts as JSON), `--tz-offset ±HH:MM` (default +08:00).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { type Locale, RenxingError } from '@renxing/contracts';
import { citySecret, type Db, migrate, openDatabase, renxingDataDir } from '@renxing/db';
import { parseUtcOffset, resolveParams } from '@renxing/engine';
import {
  type ImportPingsResult,
  importedBefore,
  importPings,
  PingsPublisher,
} from '@renxing/modules/trajectories';
import { openStream, publishPingBatch, type StreamClient, streamConfigFromEnv } from '@renxing/stream';
import { type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { CHUNK, openForRead, TextFile } from '../files.js';
import { flagsOf } from '../flags.js';
import { compact, progress } from '../progress.js';
import { writeJson } from '../summary.js';

const WORDS = {
  en: {
    reading: 'reading pings',
    storing: 'storing pings',
    rows: 'rows read',
    kept: 'pings stored',
    rejected: 'rows rejected',
    duplicates: 'duplicate pings dropped',
    alreadyStored: 'pings already stored (not stored again)',
    days: 'days',
    rejects: 'rejects',
    already: 'this file was imported before (import {id}); nothing stored again',
    import: 'import',
    published: 'pings published to the stream',
    unpublished: 'stored, but not published to the stream ({error}): the server publishes it from the store',
  },
  'zh-CN': {
    reading: '正在读取定位数据',
    storing: '正在存储定位数据',
    rows: '读取行数',
    kept: '已存储定位点',
    rejected: '拒绝行数',
    duplicates: '丢弃的重复定位点',
    alreadyStored: '此前已存储的定位点（未重复存储）',
    days: '日期',
    rejects: '拒绝明细',
    already: '该文件此前已导入（导入编号 {id}）；未重复存储',
    import: '导入编号',
    published: '已发布到数据流的定位点',
    unpublished: '已存储，但未发布到数据流（{error}）：服务端将从存储中补发',
  },
} as const;

export interface ImportPingsOutcome extends ImportPingsResult {
  rejectsFile: string | null;
}

export async function importPingsCommand(
  flags: Flags,
  locale: Locale,
  options: { db?: Db; env?: NodeJS.ProcessEnv; out?: { write(s: string): unknown } } = {},
): Promise<ImportPingsOutcome> {
  const file = requireFlag(flags, 'file');
  const rejectsPath =
    typeof flags.rejects === 'string' && flags.rejects ? flags.rejects : `${file}.rejects.csv`;
  let utcOffsetSeconds: number | undefined;
  if (typeof flags['tz-offset'] === 'string') {
    utcOffsetSeconds = parseUtcOffset(flags['tz-offset']);
    if (Number.isNaN(utcOffsetSeconds))
      throw new RenxingError('RX_BAD_FLAG', { flag: '--tz-offset', detail: 'expected ±HH:MM' });
  }
  const env = options.env ?? process.env;
  const out = options.out ?? process.stdout;
  const w = WORDS[locale];

  const { fd, size } = openForRead(file);
  const secret = citySecret({ env, dataDir: renxingDataDir(env) });
  const db = options.db ?? (await openDatabase({}, env));
  const rejects = new TextFile(`${rejectsPath}.partial`);
  let result: ImportPingsResult;
  let client: StreamClient | null = null;
  let publisher: PingsPublisher | null = null;
  try {
    const streamCfg = streamConfigFromEnv(env, resolveParams().params);
    if (streamCfg) {
      const opened = await openStream(streamCfg);
      client = opened;
      publisher = new PingsPublisher(db, { publish: (batch, id) => publishPingBatch(opened, batch, id) });
    }
    if (!options.db) await migrate(db);
    rejects.write('line,reason\n');
    // Hashing is far quicker than parsing: a file imported before is known without reading it.
    const hash = createHash('sha256');
    for await (const chunk of chunksOf(fd, size)) hash.update(chunk);
    const earlier = await importedBefore(db, hash.digest('hex'));
    const reading = progress(`${w.reading} ${file}`, size);
    let storing: ReturnType<typeof progress> | null = null;
    result =
      earlier ??
      (await importPings(db, chunksOf(fd, size), {
        secret,
        source: file,
        utcOffsetSeconds,
        maxRejects: 0, // all of them go to the file
        ...(publisher ? { stream: publisher } : {}),
        onReject: (line, reason) => rejects.write(`${line},${reason}\n`),
        onProgress: (p) => {
          if (p.stored === undefined) {
            reading.update(p.bytes, `${compact(p.bytes)}B / ${compact(size)}B, ${compact(p.rows)} ${w.rows}`);
            return;
          }
          if (!storing) {
            reading.finish(`${compact(p.rows)} ${w.rows}`);
            storing = progress(w.storing, p.kept ?? 0);
          }
          storing.update(p.stored, `${compact(p.stored)} / ${compact(p.kept ?? 0)}`);
        },
      }));
    if (storing) (storing as ReturnType<typeof progress>).finish(`${compact(result.kept)} ${w.kept}`);
    else reading.finish(`${compact(result.rows)} ${w.rows}`);
  } catch (e) {
    rejects.close();
    fs.rmSync(`${rejectsPath}.partial`, { force: true });
    throw e;
  } finally {
    fs.closeSync(fd);
    await publisher?.close();
    await client?.close();
    if (!options.db) await db.close();
  }
  rejects.close();
  let rejectsFile: string | null = null;
  if (!result.alreadyImported && result.rejected > 0) {
    fs.renameSync(`${rejectsPath}.partial`, rejectsPath);
    rejectsFile = rejectsPath;
  } else {
    fs.rmSync(`${rejectsPath}.partial`, { force: true });
    // A stale report from an earlier run of the same file, unless asked for by name.
    if (!result.alreadyImported && typeof flags.rejects !== 'string') fs.rmSync(rejectsPath, { force: true });
  }
  const counts = {
    import_id: result.importId,
    already_imported: result.alreadyImported,
    rows: result.rows,
    kept: result.kept,
    rejected: result.rejected,
    duplicates: result.duplicates,
    already_stored: result.alreadyStored,
    days: result.days,
    ...(result.stream ? { stream: result.stream } : {}),
  };
  if (typeof flags.summary === 'string') writeJson(flags.summary, counts);
  const span =
    result.days.length === 0
      ? '0'
      : `${result.days.length} (${result.days[0].day} … ${result.days[result.days.length - 1].day})`;
  out.write(
    [
      ...(result.alreadyImported ? [w.already.replace('{id}', result.importId)] : []),
      `${w.import}: ${result.importId}`,
      `${w.rows}: ${result.rows}`,
      `${w.kept}: ${result.kept}`,
      `${w.rejected}: ${result.rejected}`,
      `${w.duplicates}: ${result.duplicates}`,
      `${w.alreadyStored}: ${result.alreadyStored}`,
      `${w.days}: ${span}`,
      ...(rejectsFile ? [`${w.rejects}: ${rejectsFile}`] : []),
      ...(result.stream?.error !== undefined
        ? [w.unpublished.replace('{error}', result.stream.error)]
        : result.stream
          ? [`${w.published}: ${result.stream.pings}`]
          : []),
      '',
    ].join('\n'),
  );
  return { ...result, rejectsFile };
}

/** The file in CHUNK-sized reads (the buffer is reused: the importer copies what it keeps). */
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

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['import', 'pings'],
  operand: 'FILE',
  usage: {
    en: 'renxing import pings FILE [--rejects R.csv] [--summary S.json] [--tz-offset ±HH:MM]',
    'zh-CN': 'renxing import pings FILE [--rejects R.csv] [--summary S.json] [--tz-offset ±HH:MM]',
  },
  flags: flagsOf('rejects', 'summary', 'tz-offset'),
  run: async (flags, locale) => {
    await importPingsCommand(flags, locale);
    return 0;
  },
};
