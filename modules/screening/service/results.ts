/**
 * A lab's result file resolving a whole round at once (importTubeResults): every row admitted by
 * the contract's rules (rules/files.ts), the new results set on their tubes, each member's result
 * handed to the health codes (individual negatives and positives, pooled positives), re-test and
 * re-sample items raised in the members' communities' inboxes and settled re-tests closed — one
 * transaction with one audit row. Re-importing a file changes nothing.
 */
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { recordScreeningResults, type ScreeningMemberResult } from '@renxing/modules/health-codes';
import { closePlatformItems, type PlatformItem, raisePlatformItems } from '@renxing/modules/inbox';
import { type FileSource, headerColumns, readTable, type TableKind } from '@renxing/sheets';
import { admitResult, type LineReject, REJECT_REASONS } from '../rules/files.js';
import type { ReportedResult } from '../rules/types.js';
import {
  cityRootId,
  insertResultImport,
  lockTubes,
  membersOfTubes,
  type NewTubeResult,
  type ResolvedMember,
  setImportSummary,
  setTubeResults,
  stillAwaiting,
} from '../store/results.js';

export const RESULT_COLUMNS = ['tube', 'result', 'reported_at'] as const;

/** Items the inbox shows for screening's work. */
export const RETEST_ORIGIN = 'screening.retest';
export const RESAMPLE_ORIGIN = 'screening.resample';

export type ImportPhase = 'reading' | 'resolving' | 'health_codes' | 'inbox';

export interface ResultImportOptions {
  kind?: TableKind;
  source?: FileSource;
  /** The user who sent the file (null: the CLI or a system import). */
  actor: string | null;
  now: Date;
  /** The health-code preset. */
  preset: string;
  /** Seconds east of UTC that instants without an offset are read at (default +08:00). */
  tzOffset?: number;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

export interface ResultImportSummary {
  importId: string;
  /** Data rows read (the header not counted). */
  rows: number;
  /** New results set on tubes. */
  accepted: number;
  /** Rows repeating a tube's result: nothing changed. */
  unchanged: number;
  rejects: (LineReject & { message: { en: string; 'zh-CN': string } })[];
  tubes: { negative: number; positive: number; invalid: number };
  /** Members resolved by the new results. */
  members: { negative: number; positive: number; awaitingRetest: number; resample: number };
  healthCodeChanges: number;
  itemsRaised: number;
  itemsClosed: number;
}

const DAY = 86_400_000;

export async function importTubeResults(
  db: Db,
  bytes: Uint8Array,
  o: ResultImportOptions,
): Promise<ResultImportSummary> {
  const tz = o.tzOffset ?? 8 * 3600;
  const source = o.source ?? {};
  const progress = o.onProgress ?? (() => {});
  progress('reading', 0, 1);
  const table = await readTable(bytes, o.kind, source);
  const [header, ...data] = table.rows;
  const { at, extra } = headerColumns(header, RESULT_COLUMNS, source);
  const rejects: LineReject[] = table.rejects.map((r) => ({
    line: r.line,
    reason: 'unreadable_row' as const,
  }));
  progress('reading', 1, 1);

  return db.transaction(async (tx) => {
    const barcodes = [...new Set(data.map((r) => r.cells[at.tube] ?? ''))];
    const tubes = await lockTubes(tx, barcodes);
    const first = new Map<string, ReportedResult>();
    for (const t of tubes.values()) {
      if (t.result && t.reportedAt !== null)
        first.set(t.barcode, { result: t.result, reportedAt: t.reportedAt });
    }
    const accepted: NewTubeResult[] = [];
    let unchanged = 0;
    for (const [i, row] of data.entries()) {
      const cell = (c: number) => row.cells[c] ?? '';
      const barcode = cell(at.tube);
      const admission = admitResult(
        { result: cell(at.result), reportedAt: cell(at.reported_at) },
        tubes.get(barcode),
        first.get(barcode),
        tz,
      );
      if (admission.kind === 'reject') rejects.push({ line: row.line, reason: admission.reason });
      else if (admission.kind === 'same') unchanged++;
      else {
        first.set(barcode, admission.result);
        const evidence: Record<string, string> = {};
        for (const x of extra) if (cell(x.index) !== '') evidence[x.name] = cell(x.index);
        accepted.push({ barcode, ...admission.result, evidence });
      }
      if (i % 10_000 === 0) progress('resolving', i, data.length);
    }
    rejects.sort((a, b) => a.line - b.line);
    const importId = await insertResultImport(tx, {
      fileName: source.file ?? null,
      importedBy: o.actor,
      importedAt: o.now,
      rows: data.length,
      accepted: accepted.length,
      unchanged,
      rejects,
    });
    await setTubeResults(tx, importId, accepted);
    progress('resolving', data.length, data.length);

    const members = await membersOfTubes(
      tx,
      accepted.map((a) => a.barcode),
    );
    const byTube = new Map(accepted.map((a) => [a.barcode, a]));
    const memberResults: ScreeningMemberResult[] = members.map((m) => {
      const r = byTube.get(m.barcode)!;
      const t = tubes.get(m.barcode)!;
      return {
        personId: m.personId,
        tube: m.barcode,
        k: t.k,
        sampledAt: new Date(t.sampledAt * 1000),
        reportedAt: new Date(r.reportedAt * 1000),
        result: r.result,
        lab: r.evidence.lab ?? 'screening',
      };
    });
    progress('health_codes', 0, memberResults.length);
    const { transitions } = await recordScreeningResults(tx, memberResults, { preset: o.preset });
    progress('health_codes', memberResults.length, memberResults.length);

    progress('inbox', 0, 1);
    const work = await inboxWork(tx, members, byTube, tubes, o.now);
    progress('inbox', 1, 1);

    const count = (f: (m: ResolvedMember) => boolean) => members.filter(f).length;
    const resultOf = (m: ResolvedMember) => byTube.get(m.barcode)!.result;
    const kOf = (m: ResolvedMember) => tubes.get(m.barcode)!.k;
    const summary: ResultImportSummary = {
      importId,
      rows: data.length,
      accepted: accepted.length,
      unchanged,
      rejects: rejects.map((r) => ({ ...r, message: REJECT_REASONS[r.reason] })),
      tubes: {
        negative: accepted.filter((a) => a.result === 'negative').length,
        positive: accepted.filter((a) => a.result === 'positive').length,
        invalid: accepted.filter((a) => a.result === 'invalid').length,
      },
      members: {
        negative: count((m) => resultOf(m) === 'negative'),
        positive: count((m) => resultOf(m) === 'positive' && kOf(m) === 1),
        awaitingRetest: work.awaiting,
        resample: count((m) => resultOf(m) === 'invalid'),
      },
      healthCodeChanges: transitions.length,
      itemsRaised: work.raised,
      itemsClosed: work.closed,
    };
    const { importId: _, rejects: __, ...counts } = summary;
    await setImportSummary(tx, importId, counts);
    await appendAudit(tx, {
      actor: o.actor ?? 'system:screening-results',
      action: 'screening.results.import',
      subjectType: 'screening_result_import',
      subjectId: importId,
      reason: source.file,
      detail: { ...counts, rejects: rejects.length },
    });
    return summary;
  });
}

/**
 * The inbox's share: a re-test item for each member of a new positive pool who still awaits one,
 * a re-sample item for each member of an invalid tube, and re-test and re-sample items closed for
 * members whose new single-tube result settles them.
 */
async function inboxWork(
  db: Db,
  members: readonly ResolvedMember[],
  results: ReadonlyMap<string, NewTubeResult>,
  tubes: ReadonlyMap<string, { k: number; sampledAt: number }>,
  now: Date,
): Promise<{ raised: number; closed: number; awaiting: number }> {
  const pooledPositive = members.filter(
    (m) => results.get(m.barcode)!.result === 'positive' && tubes.get(m.barcode)!.k > 1,
  );
  const invalid = members.filter((m) => results.get(m.barcode)!.result === 'invalid');
  const settled = members.filter(
    (m) => results.get(m.barcode)!.result !== 'invalid' && tubes.get(m.barcode)!.k === 1,
  );
  const awaiting = await stillAwaiting(db, [
    ...new Set([...pooledPositive, ...settled].map((m) => m.personId)),
  ]);
  const root = pooledPositive.length + invalid.length > 0 ? await cityRootId(db) : undefined;
  const due = new Date(now.getTime() + DAY);
  const item = (m: ResolvedMember, origin: string, title: string, urgent: boolean): PlatformItem => {
    const t = tubes.get(m.barcode)!;
    return {
      origin,
      ref: m.barcode,
      personId: m.personId,
      placeId: m.communityId ?? root!,
      duty: origin,
      title,
      due,
      priority: urgent ? 'urgent' : 'normal',
      detail: { tube: m.barcode, k: t.k, sampledAt: new Date(t.sampledAt * 1000).toISOString() },
    };
  };
  const items = [
    ...pooledPositive
      .filter((m) => awaiting.get(m.personId) === m.barcode)
      .map((m) => item(m, RETEST_ORIGIN, `核酸单管复检（混采管 ${m.barcode} 阳性）`, true)),
    ...invalid.map((m) => item(m, RESAMPLE_ORIGIN, `核酸重新采样（管 ${m.barcode} 结果无效）`, false)),
  ];
  const { raised } = items.length > 0 ? await raisePlatformItems(db, items, now) : { raised: 0 };
  const done = [...new Set(settled.map((m) => m.personId))];
  let closed = 0;
  if (done.length > 0) {
    const noLongerAwaiting = done.filter((p) => !awaiting.has(p));
    if (noLongerAwaiting.length > 0) {
      closed += await closePlatformItems(db, { origin: RETEST_ORIGIN, personIds: noLongerAwaiting }, now);
    }
  }
  // A new result in any mode settles an earlier re-sample (not one raised by this very file).
  const invalidNow = new Set(invalid.map((m) => m.personId));
  const resampled = [
    ...new Set(members.filter((m) => results.get(m.barcode)!.result !== 'invalid').map((m) => m.personId)),
  ].filter((p) => !invalidNow.has(p));
  if (resampled.length > 0) {
    closed += await closePlatformItems(db, { origin: RESAMPLE_ORIGIN, personIds: resampled }, now);
  }
  const awaitingCount = new Set(pooledPositive.filter((m) => awaiting.has(m.personId)).map((m) => m.personId))
    .size;
  return { raised, closed, awaiting: awaitingCount };
}
