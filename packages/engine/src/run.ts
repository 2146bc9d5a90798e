import { decodeUtf8 } from './bytes.js';
import { readCases } from './case-reader.js';
import { companionCsv } from './output.js';
import { type CompanionParams, resolveParams } from './params.js';
import { PingReader } from './ping-reader.js';
import { buildIndex } from './pipeline.js';
import { queryCompanions } from './query.js';
import { REJECTS_HEADER, rejectLine } from './rejects.js';

/** Counts reported by one companion run (the CLI's `--summary` JSON). */
export interface RunSummary {
  pings: number;
  ping_rejects: number;
  duplicates: number;
  cases: number;
  case_rejects: number;
  subjects: number;
  stays: number;
  companions: number;
}

export interface CompanionRun {
  /** `subject,case,cell,overlap_start,overlap_end,overlap_s` with header, `\n` line ends. */
  csv: string;
  /** `file,line,reason` with header. */
  rejectsCsv: string;
  summary: RunSummary;
}

/** Whole-file convenience: pings CSV bytes + cases CSV bytes → companions, exactly as the contract says. */
export function companionsFromCsv(
  pings: Uint8Array,
  cases: Uint8Array,
  overrides: Partial<CompanionParams> = {},
): CompanionRun {
  const { params, problems } = resolveParams('default', overrides);
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.field} ${p.reason}`).join('; '));
  let rejectsCsv = REJECTS_HEADER;
  const onReject = (file: 'pings' | 'cases', line: number, reason: string) => {
    rejectsCsv += rejectLine(file, line, reason);
  };
  const reader = new PingReader(params, onReject);
  reader.push(pings);
  const columns = reader.finish();
  const { cases: caseList, rejects: caseRejects } = readCases([cases], params.tzOffset, onReject);
  const index = buildIndex(reader, columns, params, undefined, caseList);
  const rows = queryCompanions(index, caseList, params);
  return {
    csv: [...companionCsv(index, caseList, rows)].map(decodeUtf8).join(''),
    rejectsCsv,
    summary: {
      pings: columns.count,
      ping_rejects: reader.rejects,
      duplicates: index.stats.duplicates,
      cases: caseList.length,
      case_rejects: caseRejects,
      subjects: index.subjects,
      stays: index.stats.allStays,
      companions: rows.count,
    },
  };
}
