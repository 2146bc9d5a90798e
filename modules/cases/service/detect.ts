/**
 * Detection runs: the stored trajectories of the cases' windows → the engine → each case's
 * companions stored with their evidence → the health-code rule "found as a companion → yellow"
 * for each companion in the registry → one follow-up task per companion. Every step is
 * idempotent, so a run interrupted anywhere is simply run again.
 *
 * Cases queued together share one load of the trajectory store and one index per preset (loading
 * a day of a city's pings costs far more than querying it), and are queried in one batch.
 *
 * With streaming configured (`options.stream`), the index is the stream's: the index shards hold
 * the stays built from every published ping, and the batch's query fans out to them
 * (`queryStreamed` of @renxing/stream, exactly the engine's answer over those stays). Its stays are
 * built with one grid and max_gap; a case whose preset asks for another is detected in-process from
 * the store, and the log says so. Storing the companions, their codes and tasks is the same either way.
 * The in-process run loads the days around the windows (and, under a dwell clause, the
 * dwell_window before each case's E), which is every ping the answer depends on, so both paths
 * give the same companions (detect-stream.test.ts, detect-dwell.test.ts).
 */

import { type ErrorCode, type ErrorParams, type Locale, RenxingError } from '@renxing/contracts';
import '../errors.js';
import type { Db } from '@renxing/db';
import {
  buildIndex,
  type CaseWindows,
  type CompanionIndex,
  type CompanionParams,
  type CompanionRowSet,
  decodeUtf8,
  type GridParams,
  PingReader,
  queryCompanions,
  resolveParams,
  type StayParams,
} from '@renxing/engine';
import { createTasksForCase } from '@renxing/modules/follow-up';
import { applyHealthCodeEvent } from '@renxing/modules/health-codes';
import { trajectoryCsv } from '@renxing/modules/trajectories';
import {
  type Case,
  caseById,
  type DetectionProgress,
  type StoredCompanion,
  setDetection,
  upsertCompanions,
} from '../store/cases.js';

export interface DetectOptions {
  /** The instant the run happens at (epoch seconds): a companion's yellow begins then. */
  now: number;
  /** City profile overrides of the companion rule (origin, cell size …) over the case's preset. */
  params?: Partial<CompanionParams>;
  /** Hours a follow-up task has before it is overdue (default 24). */
  taskDueHours?: number;
  /** Progress of one case of the run. */
  onProgress?: (caseId: string, progress: DetectionProgress) => void;
  /** The stream's index (streaming configured); absent: the in-process engine over the store. */
  stream?: CompanionStream;
  /** Where the run says which path it took when that is worth knowing (a fallback). */
  log?: (line: string) => void;
}

/** The streamed index as detection uses it (apps/api wires @renxing/stream's client to it). */
export interface CompanionStream {
  /** The grid and max_gap the stream's stays are built with. */
  readonly params: Readonly<GridParams & StayParams>;
  /** Resolves once the index covers every ping published so far (bounded by the implementation). */
  caughtUp(): Promise<void>;
  /** The batch query over the shards: exactly `queryCompanions` over the stream's stays. */
  query(
    cases: readonly CaseWindows[],
    params: CompanionParams,
  ): Promise<{ index: CompanionIndex; rows: CompanionRowSet; pings: number }>;
}

/** Why the stream cannot answer with these parameters (its stays were built otherwise), or null. */
export function streamMismatch(stream: CompanionStream['params'], params: CompanionParams): string | null {
  const differ = (['originLon', 'originLat', 'size', 'maxGap'] as const).filter(
    (k) => stream[k] !== params[k],
  );
  if (differ.length === 0) return null;
  return differ.map((k) => `${k} ${params[k]} (stream ${stream[k]})`).join(', ');
}

export interface DetectionResult {
  caseId: string;
  companions: number;
  /** Companions this run found that no earlier run of the case had. */
  newCompanions: number;
  /** Companions in the people registry. */
  known: number;
  /** Health codes that turned yellow in this run. */
  yellow: number;
  tasksCreated: number;
  /** Pings the run's index was built from. */
  pings: number;
}

const STORE_BATCH = 2000;

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** Records a case's progress on its row (what other servers and the console read), a few times a second. */
class Reporter {
  private last = 0;
  constructor(
    private readonly db: Db,
    private readonly ids: readonly string[],
    private readonly onProgress?: DetectOptions['onProgress'],
  ) {}

  async all(progress: DetectionProgress, force = false): Promise<void> {
    for (const id of this.ids) this.onProgress?.(id, progress);
    if (!force && !this.due()) return;
    for (const id of this.ids) await setDetection(this.db, id, { state: 'running', progress });
  }

  async one(id: string, progress: DetectionProgress, force = false): Promise<void> {
    this.onProgress?.(id, progress);
    if (force || this.due()) await setDetection(this.db, id, { state: 'running', progress });
  }

  private due(): boolean {
    const t = Date.now();
    if (t - this.last < 250) return false;
    this.last = t;
    return true;
  }
}

/**
 * Runs detection for several cases, sharing the load and the index. Returns, per case in the
 * order given, its result or the error that failed it (recorded on the case as well).
 */
export async function detectCases(
  db: Db,
  caseIds: readonly string[],
  options: DetectOptions,
): Promise<(DetectionResult | Error)[]> {
  const out = new Map<string, DetectionResult | Error>();
  const cases: Case[] = [];
  for (const id of caseIds) {
    const c = await caseById(db, id);
    if (c) cases.push(c);
    else out.set(id, new Error(`no case ${id}`));
  }
  const byPreset = new Map<string, Case[]>();
  for (const c of cases) byPreset.set(c.preset, [...(byPreset.get(c.preset) ?? []), c]);
  for (const [preset, group] of byPreset) {
    const ids = group.map((c) => c.id);
    const report = new Reporter(db, ids, options.onProgress);
    try {
      await report.all({ phase: 'loading', done: 0, total: 0 }, true);
      const { params, problems } = resolveParams(preset, options.params);
      if (problems.length > 0) {
        throw new RenxingError('RX_DETECTION_PARAMS', {
          detail: problems.map((p) => `${p.field} ${p.reason}`).join('; '),
        });
      }
      const windows: CaseWindows[] = group.map((c) => ({
        subject: c.subjectPseudonym,
        from: [seconds(c.windowFrom) ?? -Infinity],
        to: [seconds(c.windowTo) ?? Infinity],
      }));
      const { index, rows, pings } = await companions(db, windows, params, preset, options, report);
      const perCase = splitByCase(index, rows, group.length);
      for (let k = 0; k < group.length; k++) {
        try {
          out.set(group[k].id, await storeCase(db, group[k], perCase[k], pings, options, report));
        } catch (error) {
          out.set(group[k].id, await failed(db, group[k].id, error));
        }
      }
    } catch (error) {
      for (const id of ids) out.set(id, await failed(db, id, error));
    }
  }
  return caseIds.map((id) => out.get(id)!);
}

/** Records the failure on the case as a catalogue error (code and parameters), to be worded per reader. */
async function failed(db: Db, caseId: string, error: unknown): Promise<Error> {
  const e = error instanceof Error ? error : new Error(String(error));
  const stored =
    e instanceof RenxingError
      ? { code: e.code, params: e.params }
      : { code: 'RX_DETECTION_FAILED', params: { detail: e.message.slice(0, 500) } };
  await setDetection(db, caseId, { state: 'failed', error: JSON.stringify(stored) }).catch(() => {});
  return e;
}

/**
 * A stored detection failure in `locale` (`RX_…: message`). Failures recorded before they were
 * stored as codes read as they were written.
 */
export function detectionErrorText(stored: string, locale: Locale): string {
  let parsed: { code?: unknown; params?: unknown };
  try {
    parsed = JSON.parse(stored);
  } catch {
    return stored;
  }
  if (typeof parsed?.code !== 'string' || typeof parsed.params !== 'object' || parsed.params === null)
    return stored;
  return new RenxingError(parsed.code as ErrorCode, parsed.params as ErrorParams).localized(locale);
}

/** The batch's companions: through the stream when it can answer, otherwise in-process. */
async function companions(
  db: Db,
  windows: readonly CaseWindows[],
  params: CompanionParams,
  preset: string,
  options: DetectOptions,
  report: Reporter,
): Promise<{ index: CompanionIndex; rows: CompanionRowSet; pings: number }> {
  const stream = options.stream;
  const mismatch = stream ? streamMismatch(stream.params, params) : null;
  if (stream && mismatch === null) {
    try {
      // 'loading' while the shards catch up with what was published (e.g. the pings just imported).
      await stream.caughtUp();
      await report.all({ phase: 'querying', done: 0, total: windows.length }, true);
      return await stream.query(windows, params);
    } catch (error) {
      // The store is the record and always at hand: a stream that cannot answer delays nobody.
      const text = error instanceof Error ? error.message : String(error);
      options.log?.(`detection: the stream did not answer (${text}); detecting in-process from the store`);
      await report.all({ phase: 'loading', done: 0, total: 0 }, true);
    }
  } else if (stream)
    options.log?.(
      `detection: preset ${preset} needs ${mismatch}: the stream's stays do not fit, detecting in-process from the store`,
    );
  const { index, pings } = await loadIndex(db, windows, params, report);
  await report.all({ phase: 'querying', done: 0, total: windows.length }, true);
  return { index, rows: queryCompanions(index, windows, params), pings };
}

/** The stored pings of the days around all the windows (their union's span), as one index. */
async function loadIndex(
  db: Db,
  windows: readonly CaseWindows[],
  params: CompanionParams,
  report: Reporter,
): Promise<{ index: CompanionIndex; pings: number }> {
  const tos = windows.map((w) => w.to[0]);
  // The dwell clause looks back dwell_window seconds from each case's E (its `to`; the latest ping
  // when unbounded, which the unbounded `to` loads anyway), so those days are loaded too.
  const froms = windows.map((w) =>
    params.minCellDwell > 0 ? Math.min(w.from[0], w.to[0] - params.dwellWindow) : w.from[0],
  );
  const from = Math.min(...froms);
  const to = Math.max(...tos);
  const reader = new PingReader(params, () => {});
  let bytes = 0;
  const span = { from: Number.isFinite(from) ? from : null, to: Number.isFinite(to) ? to : null };
  for await (const chunk of trajectoryCsv(db, span)) {
    reader.push(chunk);
    bytes += chunk.length;
    await report.all({ phase: 'loading', done: bytes, total: 0 });
  }
  const columns = reader.finish();
  await report.all({ phase: 'indexing', done: 0, total: columns.count }, true);
  // Only the stays of the cells the cases can reach are indexed: the rows are the whole index's.
  return { index: buildIndex(reader, columns, params, undefined, windows), pings: columns.count };
}

interface Found {
  subjectPseudonym: string;
  cell: string;
  overlapStart: number;
  overlapEnd: number;
  overlapS: number;
}

/** The batch's rows, per case (rows name their case by its index in the windows given). */
function splitByCase(index: CompanionIndex, rows: CompanionRowSet, cases: number): Found[][] {
  const out: Found[][] = Array.from({ length: cases }, () => []);
  for (const block of rows.blocks) {
    for (let r = 0; r < block.count; r++) {
      out[block.caseIndex[r]].push({
        subjectPseudonym: decodeUtf8(index.subjectBytes(block.subject[r])),
        cell: index.cellLabel(block.cell[r]),
        overlapStart: block.start[r],
        overlapEnd: block.end[r],
        overlapS: block.overlap[r],
      });
    }
  }
  return out;
}

/** One case's companions → the database, their codes, their tasks; then the case is done. */
async function storeCase(
  db: Db,
  c: Case,
  companions: readonly Found[],
  pings: number,
  options: DetectOptions,
  report: Reporter,
): Promise<DetectionResult> {
  let stored: StoredCompanion[] = [];
  for (let k = 0; k < companions.length; k += STORE_BATCH) {
    stored = stored.concat(await upsertCompanions(db, c.id, companions.slice(k, k + STORE_BATCH)));
  }
  const known = stored.filter((s) => s.personId !== null);
  let yellow = 0;
  await report.one(c.id, { phase: 'storing', done: 0, total: known.length }, true);
  for (let k = 0; k < known.length; k++) {
    const s = known[k];
    const { transition } = await applyHealthCodeEvent(
      db,
      s.personId!,
      {
        kind: 'companion_found',
        at: options.now,
        caseId: c.id,
        caseLabel: c.label,
        cell: s.cell,
        overlapStart: s.overlapStart,
        overlapEnd: s.overlapEnd,
      },
      { preset: c.preset, caseId: c.id },
    );
    if (transition?.rule === 'companion_yellow') yellow++;
    await report.one(c.id, { phase: 'storing', done: k + 1, total: known.length });
  }
  const tasksCreated = await createTasksForCase(db, c.id, {
    now: new Date(options.now * 1000),
    dueHours: options.taskDueHours,
  });
  await setDetection(db, c.id, {
    state: 'done',
    progress: { phase: 'storing', done: known.length, total: known.length },
    companions: stored.length,
  });
  return {
    caseId: c.id,
    companions: stored.length,
    newCompanions: stored.filter((s) => s.inserted).length,
    known: known.length,
    yellow,
    tasksCreated,
    pings,
  };
}
