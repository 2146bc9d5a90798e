/**
 * `renxing infra alarms`: a rules file (JSON) and a readings file → the alarm events a replay of
 * the readings gives, per shared/contracts/infrastructure.md ("The CLI"). The decisions are
 * infrastructure's rules (admitRuleSpec, admitReadingRow, replayAlarms); this file reads the two
 * files, writes `sensor,event,ts,value` (ts ISO-8601 UTC with Z; value empty for `offline`), the
 * rejects (`file,line,reason`: rules by their 1-based index in the array, then readings by line)
 * and the summary.
 */
import { csvField, type Locale, RenxingError } from '@renxing/contracts';
import { formatInstant } from '@renxing/engine';
import {
  ALARM_REJECT_REASONS,
  type AlarmEvent,
  admitReadingRow,
  admitRuleSpec,
  type Reading,
  type ReplayRule,
  replayAlarms,
} from '@renxing/modules/infrastructure';
import { companionParams, type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { readWhole, TextFile } from '../files.js';
import { flagsOf, stringFlag } from '../flags.js';
import { printSummary, writeJson } from '../summary.js';
import { byLine, type LineReject, readColumns } from '../tables.js';
import { INFRA_REJECTS_HEADER } from './infra-n1.js';

export const ALARMS_HEADER = 'sensor,event,ts,value\n';

const READING_COLUMNS = ['sensor', 'ts', 'value'] as const;

/** The city's UTC offset: `--tz-offset` as the companions command reads it, else +08:00. */
function cityOffset(flags: Flags): number {
  return companionParams({ 'tz-offset': flags['tz-offset'] }).tzOffset;
}

/** The rules file: a JSON array (RX_FILE_EMPTY when blank, RX_FILE_UNREADABLE when not an array). */
function readRulesFile(path: string): unknown[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readWhole(path));
  } catch (e) {
    if (e instanceof RenxingError) throw e;
    throw new RenxingError('RX_FILE_UNREADABLE', {
      file: path,
      detail: { en: 'not UTF-8 text', 'zh-CN': '不是 UTF-8 文本' },
    });
  }
  if (text.trim() === '' || text.trim() === '\ufeff') throw new RenxingError('RX_FILE_EMPTY', { file: path });
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new RenxingError('RX_FILE_UNREADABLE', {
      file: path,
      detail: { en: `not JSON (${(e as Error).message})`, 'zh-CN': `不是 JSON（${(e as Error).message}）` },
    });
  }
  if (!Array.isArray(json))
    throw new RenxingError('RX_FILE_UNREADABLE', {
      file: path,
      detail: { en: 'not a JSON array of rules', 'zh-CN': '不是规则的 JSON 数组' },
    });
  return json;
}

/** The `--summary` JSON. */
export interface AlarmsSummary {
  rules: number;
  sensors: number;
  readings: number;
  raise: number;
  clear: number;
  offline: number;
  online: number;
  rejects: number;
}

export const eventLine = (e: AlarmEvent): string =>
  `${csvField(e.sensor)},${e.event},${formatInstant(e.ts)},${e.value === null ? '' : String(e.value)}\n`;

export async function infraAlarmsCommand(
  flags: Flags,
  locale: Locale,
  io: { err?: typeof process.stderr } = {},
): Promise<AlarmsSummary & { out: string; rejectsFile: string }> {
  const rulesPath = requireFlag(flags, 'rules');
  const readingsPath = requireFlag(flags, 'readings');
  const outPath = requireFlag(flags, 'out');
  const rejectsPath =
    typeof flags.rejects === 'string' && flags.rejects ? flags.rejects : `${outPath}.rejects.csv`;
  const tz = cityOffset(flags);

  // Both inputs are checked before anything is written.
  const specs = readRulesFile(rulesPath);
  const table = await readColumns(readingsPath, READING_COLUMNS);

  const rules: ReplayRule[] = [];
  const ruleRejects: LineReject[] = [];
  specs.forEach((spec, i) => {
    const r = admitRuleSpec(spec);
    if (r.rule) rules.push(r.rule);
    else ruleRejects.push({ line: i + 1, reason: ALARM_REJECT_REASONS[r.reason].en });
  });
  const readings: Reading[] = [];
  const readingRejects: LineReject[] = [...table.unreadable];
  for (const { line, cell } of table.rows) {
    const r = admitReadingRow(cell, tz);
    if (r.reading) readings.push(r.reading);
    else readingRejects.push({ line, reason: ALARM_REJECT_REASONS[r.reason].en });
  }
  readingRejects.sort(byLine);

  const events = replayAlarms(rules, readings);
  const out = new TextFile(outPath);
  out.write(ALARMS_HEADER);
  for (const e of events) out.write(eventLine(e));
  out.close();

  const rejects = new TextFile(rejectsPath);
  rejects.write(INFRA_REJECTS_HEADER);
  for (const r of ruleRejects) rejects.write(`rules,${r.line},${csvField(r.reason)}\n`);
  for (const r of readingRejects) rejects.write(`readings,${r.line},${csvField(r.reason)}\n`);
  rejects.close();

  const count = (kind: AlarmEvent['event']) => events.filter((e) => e.event === kind).length;
  const summary: AlarmsSummary = {
    rules: rules.length,
    sensors: new Set(rules.map((r) => r.sensor)).size,
    readings: readings.length,
    raise: count('raise'),
    clear: count('clear'),
    offline: count('offline'),
    online: count('online'),
    rejects: ruleRejects.length + readingRejects.length,
  };
  if (typeof flags.summary === 'string' && flags.summary) writeJson(flags.summary, summary);
  printSummary(
    locale,
    {
      infra_rules: summary.rules,
      infra_sensors: summary.sensors,
      infra_readings: summary.readings,
      infra_raises: summary.raise,
      infra_clears: summary.clear,
      infra_offline: summary.offline,
      infra_rule_rejects: ruleRejects.length,
      infra_reading_rejects: readingRejects.length,
      out: outPath,
      rejects_file: rejectsPath,
    },
    io.err,
  );
  return { ...summary, out: outPath, rejectsFile: rejectsPath };
}

const s = stringFlag;

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['infra', 'alarms'],
  usage: {
    en: 'renxing infra alarms --rules R.json --readings X.csv --out O.csv [--rejects J.csv] [--summary S.json] [--tz-offset ±HH:MM]',
    'zh-CN':
      'renxing infra alarms --rules R.json --readings X.csv --out O.csv [--rejects J.csv] [--summary S.json] [--tz-offset ±HH:MM]',
  },
  flags: {
    rules: s(
      'R.json',
      'alarm rules: [{"sensor","op":"above"|"below","threshold","hysteresis","for","timeout"}]',
      '告警规则：[{"sensor","op":"above"|"below","threshold","hysteresis","for","timeout"}]',
    ),
    readings: s(
      'X.csv',
      'sensor readings: sensor,ts,value, in any order (CSV or XLSX)',
      '传感器读数：sensor,ts,value，顺序不限（CSV 或 XLSX）',
    ),
    ...flagsOf('out', 'rejects', 'summary', 'tz-offset'),
  },
  run: async (flags, locale) => {
    await infraAlarmsCommand(flags, locale);
    return 0;
  },
};
