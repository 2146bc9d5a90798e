/**
 * `renxing purge [--retention-days N]`: deletes the trajectory days that lie wholly before the
 * retention window (default 21 days before now) and logs the run (purge log and audit log, actor
 * `system:purge`); meant to run daily from cron or a systemd timer.
 * `renxing purge --verify`: checks that nothing older is stored and shows the latest purge runs;
 * exit 0 when it holds, 1 when days older than the window are still stored.
 */
import { fill, type Locale } from '@renxing/contracts';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { DEFAULT_RETENTION_DAYS, purgeTrajectories, verifyRetention } from '@renxing/modules/trajectories';
import { type Flags, positiveInt } from '../args.js';
import type { Command } from '../command.js';
import { flagsOf } from '../flags.js';

export const PURGE_ACTOR = 'system:purge';

const TEXT = {
  purged: {
    en: 'purged {days} day(s) before {cutoff} (retention {retention} days): {chunks} chunks, {pings} pings{list}\n',
    'zh-CN':
      '已清除 {cutoff} 之前的 {days} 天轨迹（保留 {retention} 天）：{chunks} 个数据块，{pings} 个定位点{list}\n',
  },
  ok: {
    en: 'retention holds: nothing stored before {cutoff} (retention {retention} days); oldest stored day {oldest}\n',
    'zh-CN': '保留期合规：{cutoff} 之前无存储数据（保留 {retention} 天）；最早存储日期 {oldest}\n',
  },
  stale: {
    en: 'retention BROKEN: {n} day(s) before {cutoff} still stored: {list}; run renxing purge\n',
    'zh-CN': '保留期不合规：{cutoff} 之前仍存有 {n} 天数据：{list}；请运行 renxing purge\n',
  },
  last: {
    en: 'purge run {id} at {at} by {by}: cutoff {cutoff}, {days} day(s), {pings} pings\n',
    'zh-CN': '清除记录 {id}：{at}，执行者 {by}，截止 {cutoff}，{days} 天，{pings} 个定位点\n',
  },
  never: { en: 'no purge has run yet\n', 'zh-CN': '尚未执行过清除\n' },
  none: { en: 'none', 'zh-CN': '无' },
} as const;

export interface PurgeIo {
  db?: Db;
  stdout?: { write(text: string): unknown };
  /** Epoch seconds (default: the clock). */
  now?: number;
}

export async function purgeCommand(flags: Flags, locale: Locale, io: PurgeIo = {}): Promise<number> {
  const retentionDays = positiveInt(flags, 'retention-days', DEFAULT_RETENTION_DAYS);
  const now = io.now ?? Math.floor(Date.now() / 1000);
  const out = io.stdout ?? process.stdout;
  const db = io.db ?? (await openDatabase({}, process.env));
  try {
    if (!io.db) await migrate(db);
    if (flags.verify === true) {
      const check = await verifyRetention(db, { now, retentionDays });
      const values = { cutoff: check.cutoff, retention: retentionDays };
      if (check.ok)
        out.write(fill(TEXT.ok[locale], { ...values, oldest: check.oldestDay ?? TEXT.none[locale] }));
      else
        out.write(
          fill(TEXT.stale[locale], {
            ...values,
            n: check.staleDays.length,
            list: check.staleDays.join(', '),
          }),
        );
      const last = check.purges[0];
      out.write(
        last
          ? fill(TEXT.last[locale], {
              id: last.id,
              at: last.purgedAt.toISOString(),
              by: last.purgedBy,
              cutoff: last.cutoff,
              days: last.days.length,
              pings: last.pings,
            })
          : TEXT.never[locale],
      );
      return check.ok ? 0 : 1;
    }
    const purge = await purgeTrajectories(db, { now, retentionDays, actor: PURGE_ACTOR });
    out.write(
      fill(TEXT.purged[locale], {
        days: purge.days.length,
        cutoff: purge.cutoff,
        retention: retentionDays,
        chunks: purge.chunks,
        pings: purge.pings,
        list: purge.days.length > 0 ? ` (${purge.days.join(', ')})` : '',
      }),
    );
    return 0;
  } finally {
    if (!io.db) await db.close();
  }
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['purge'],
  usage: {
    en: `renxing purge [--retention-days N]
renxing purge --verify [--retention-days N]`,
    'zh-CN': `renxing purge [--retention-days N]
renxing purge --verify [--retention-days N]`,
  },
  flags: flagsOf('retention-days', 'verify'),
  run: (flags, locale) => purgeCommand(flags, locale),
};
