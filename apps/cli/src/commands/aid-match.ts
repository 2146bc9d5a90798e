/**
 * `renxing aid match`: a requests file and a volunteers file → the contract's optimal batch
 * matching (shared/contracts/social.md, "Matching" and "The CLI"). The decisions are mutual
 * aid's rules (admitRequestRow, admitVolunteerRow, matchOptimal); this file reads the two tables
 * (CSV or XLSX, columns by name), writes `request,volunteer,distance_m,reason` sorted by request
 * (byte order), the rejects (`file,line,reason`: requests first, each in line order) and the
 * summary on stdout, whose last line is `weight W distance_m D`.
 *
 * distance_m is the great-circle distance in whole metres, rounded half up; D is the sum of the
 * distance_m written (so it adds up from the file). Every volunteer in the file counts as
 * verified, with its full capacity.
 */
import { csvField, type Locale, RenxingError } from '@renxing/contracts';
import { compareUtf8 } from '@renxing/engine';
import {
  AID_REJECT_REASONS,
  admitRequestRow,
  admitVolunteerRow,
  DEFAULT_MAX_KM,
  type MatchRequest,
  type MatchRow,
  matchOptimal,
  UNMATCHED_REASONS,
  type VolunteerDraft,
} from '@renxing/modules/mutual-aid';
import { companionParams, type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { TextFile } from '../files.js';
import { flagsOf, stringFlag } from '../flags.js';
import { writeJson } from '../summary.js';
import { byLine, type LineReject, readColumns } from '../tables.js';

export const MATCHES_HEADER = 'request,volunteer,distance_m,reason\n';
export const AID_REJECTS_HEADER = 'file,line,reason\n';

const REQUEST_COLUMNS = ['id', 'need', 'urgency', 'lon', 'lat', 'from', 'to'] as const;
const VOLUNTEER_COLUMNS = ['id', 'skills', 'lon', 'lat', 'from', 'to', 'capacity'] as const;

/** Whole metres, half up. */
export const wholeMetres = (m: number): number => Math.floor(m + 0.5);

/** `--max-km K`: a number ≥ 0 (default 3). */
function maxKmFlag(flags: Flags): number {
  const v = flags['max-km'];
  if (v === undefined) return DEFAULT_MAX_KM;
  const t = String(v).trim();
  const k = Number(t);
  if (t === '' || !Number.isFinite(k) || k < 0)
    throw new RenxingError('RX_BAD_FLAG', {
      flag: '--max-km',
      detail: { en: 'expected a number of kilometres ≥ 0', 'zh-CN': '应为大于等于 0 的公里数' },
    });
  return k;
}

/** The `--summary` JSON. */
export interface AidMatchSummary {
  requests: number;
  volunteers: number;
  matched: number;
  urgent_matched: number;
  unmatched: Record<(typeof UNMATCHED_REASONS)[number], number>;
  weight: number;
  distance_m: number;
  rejects: number;
}

export const matchLine = (r: MatchRow): string =>
  r.volunteer === null
    ? `${csvField(r.request)},,,${csvField(r.reason ?? '')}\n`
    : `${csvField(r.request)},${csvField(r.volunteer)},${wholeMetres(r.distanceM ?? 0)},\n`;

function summaryText(locale: Locale, s: AidMatchSummary, maxKm: number): string {
  const zh = locale === 'zh-CN';
  const reasons = UNMATCHED_REASONS.map((k) => `${k} ${s.unmatched[k]}`).join(', ');
  const unmatched = Object.values(s.unmatched).reduce((a, b) => a + b, 0);
  const lines = zh
    ? [
        `互助匹配（max_km ${maxKm}）`,
        `  需求 ${s.requests}，志愿者 ${s.volunteers}，坏行 ${s.rejects}`,
        `  已匹配 ${s.matched}（紧急 ${s.urgent_matched}），未匹配 ${unmatched}：${reasons}`,
      ]
    : [
        `aid match (max_km ${maxKm})`,
        `  requests ${s.requests}, volunteers ${s.volunteers}, rejects ${s.rejects}`,
        `  matched ${s.matched} (urgent ${s.urgent_matched}), unmatched ${unmatched}: ${reasons}`,
      ];
  return `${lines.join('\n')}\nweight ${s.weight} distance_m ${s.distance_m}\n`;
}

export async function aidMatchCommand(
  flags: Flags,
  locale: Locale,
  io: { out?: { write(s: string): unknown } } = {},
): Promise<AidMatchSummary & { out: string; rejectsFile: string }> {
  const requestsPath = requireFlag(flags, 'requests');
  const volunteersPath = requireFlag(flags, 'volunteers');
  const outPath = requireFlag(flags, 'out');
  const rejectsPath =
    typeof flags.rejects === 'string' && flags.rejects ? flags.rejects : `${outPath}.rejects.csv`;
  const maxKm = maxKmFlag(flags);
  const tz = companionParams({ 'tz-offset': flags['tz-offset'] }).tzOffset;

  // Both inputs are checked, and the matching done, before anything is written.
  const rTable = await readColumns(requestsPath, REQUEST_COLUMNS);
  const vTable = await readColumns(volunteersPath, VOLUNTEER_COLUMNS);

  const seen = new Set<string>();
  const requests: MatchRequest[] = [];
  const requestRejects: LineReject[] = [...rTable.unreadable];
  for (const { line, cell } of rTable.rows) {
    const a = admitRequestRow(cell, seen, tz);
    if (a.request) requests.push(a.request);
    else requestRejects.push({ line, reason: AID_REJECT_REASONS[a.reason].en });
  }
  requestRejects.sort(byLine);
  const drafts = new Map<string, VolunteerDraft>();
  const volunteerRejects: LineReject[] = [...vTable.unreadable];
  for (const { line, cell } of vTable.rows) {
    const reason = admitVolunteerRow(cell, drafts, tz);
    if (reason) volunteerRejects.push({ line, reason: AID_REJECT_REASONS[reason].en });
  }
  volunteerRejects.sort(byLine);

  const result = matchOptimal(requests, [...drafts.values()], { maxKm });
  const rows = [...result.rows].sort((a, b) => compareUtf8(a.request, b.request));

  const out = new TextFile(outPath);
  out.write(MATCHES_HEADER);
  for (const r of rows) out.write(matchLine(r));
  out.close();

  const rejects = new TextFile(rejectsPath);
  rejects.write(AID_REJECTS_HEADER);
  for (const r of requestRejects) rejects.write(`requests,${r.line},${csvField(r.reason)}\n`);
  for (const r of volunteerRejects) rejects.write(`volunteers,${r.line},${csvField(r.reason)}\n`);
  rejects.close();

  const unmatched = Object.fromEntries(UNMATCHED_REASONS.map((k) => [k, 0])) as AidMatchSummary['unmatched'];
  for (const r of rows) if (r.reason) unmatched[r.reason]++;
  const summary: AidMatchSummary = {
    requests: requests.length,
    volunteers: drafts.size,
    matched: result.matched,
    urgent_matched: result.rows.filter((r, i) => r.volunteer !== null && requests[i].urgency === 'urgent')
      .length,
    unmatched,
    weight: result.weight,
    distance_m: rows.reduce((sum, r) => sum + (r.distanceM === null ? 0 : wholeMetres(r.distanceM)), 0),
    rejects: requestRejects.length + volunteerRejects.length,
  };
  if (typeof flags.summary === 'string' && flags.summary) writeJson(flags.summary, summary);
  (io.out ?? process.stdout).write(summaryText(locale, summary, maxKm));
  return { ...summary, out: outPath, rejectsFile: rejectsPath };
}

const s = stringFlag;

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['aid', 'match'],
  usage: {
    en: 'renxing aid match --requests R.csv --volunteers V.csv --out O.csv [--max-km 3] [--rejects J.csv] [--summary S.json] [--tz-offset ±HH:MM]',
    'zh-CN':
      'renxing aid match --requests R.csv --volunteers V.csv --out O.csv [--max-km 3] [--rejects J.csv] [--summary S.json] [--tz-offset ±HH:MM]',
  },
  flags: {
    requests: s(
      'R.csv',
      'aid requests: id,need,urgency (urgent | normal),lon,lat,from,to (CSV or XLSX)',
      '互助需求：id,need,urgency（urgent | normal）,lon,lat,from,to（CSV 或 XLSX）',
    ),
    volunteers: s(
      'V.csv',
      'volunteers: id,skills (separated by ;),lon,lat,from,to,capacity; more rows of an id add windows',
      '志愿者：id,skills（以 ; 分隔）,lon,lat,from,to,capacity；同一 id 的多行增加可服务时段',
    ),
    'max-km': s(
      'K',
      'greatest distance between volunteer and request, km (default 3)',
      '志愿者与需求的最大距离，公里（默认 3）',
    ),
    ...flagsOf('out', 'rejects', 'summary', 'tz-offset'),
  },
  run: async (flags, locale) => {
    await aidMatchCommand(flags, locale);
    return 0;
  },
};
