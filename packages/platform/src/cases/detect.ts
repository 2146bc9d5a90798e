/**
 * One case's detection run: the stored trajectories of the case's window → the engine → its
 * companions stored with their evidence → the health-code rule "found as a companion → yellow"
 * for each companion in the registry → one follow-up task per companion. Every step is
 * idempotent, so a run interrupted anywhere is simply run again.
 */
import {
  caseById,
  createTasksForCase,
  type Db,
  type DetectionProgress,
  type StoredCompanion,
  setDetection,
  upsertCompanions,
} from '@renxing/db';
import {
  buildIndex,
  type CompanionIndex,
  type CompanionParams,
  type CompanionRowSet,
  decodeUtf8,
  PingReader,
  queryCompanions,
  resolveParams,
} from '@renxing/engine';
import { applyHealthCodeEvent } from '../health-codes/apply.js';
import { trajectoryCsv } from '../trajectories/load.js';

export interface DetectOptions {
  /** The instant the run happens at (epoch seconds): a companion's yellow begins then. */
  now: number;
  /** City profile overrides of the companion rule (origin, cell size …) over the case's preset. */
  params?: Partial<CompanionParams>;
  /** Hours a follow-up task has before it is overdue (default 24). */
  taskDueHours?: number;
  onProgress?: (progress: DetectionProgress) => void;
}

export interface DetectionResult {
  companions: number;
  /** Companions this run found that no earlier run of the case had. */
  newCompanions: number;
  /** Companions in the people registry. */
  known: number;
  /** Health codes that turned yellow in this run. */
  yellow: number;
  tasksCreated: number;
  pings: number;
}

const STORE_BATCH = 2000;

/** Runs detection for one case, recording its state and progress on the case. */
export async function detectCase(db: Db, caseId: string, options: DetectOptions): Promise<DetectionResult> {
  const found = await caseById(db, caseId);
  if (!found) throw new Error(`no case ${caseId}`);
  const c = found;
  let last = 0;
  const report = async (progress: DetectionProgress, force = false) => {
    options.onProgress?.(progress);
    // At most a few writes a second: the row is what other servers and the console read.
    const t = Date.now();
    if (!force && t - last < 250) return;
    last = t;
    await setDetection(db, caseId, { state: 'running', progress });
  };
  try {
    await report({ phase: 'loading', done: 0, total: 0 }, true);
    const { params, problems } = resolveParams(c.preset, options.params);
    if (problems.length > 0) throw new Error(problems.map((p) => `${p.field} ${p.reason}`).join('; '));
    const from = c.windowFrom ? Math.floor(c.windowFrom.getTime() / 1000) : null;
    const to = c.windowTo ? Math.floor(c.windowTo.getTime() / 1000) : null;

    const reader = new PingReader(params, () => {});
    let bytes = 0;
    for await (const chunk of trajectoryCsv(db, { from, to })) {
      reader.push(chunk);
      bytes += chunk.length;
      await report({ phase: 'loading', done: bytes, total: 0 });
    }
    const columns = reader.finish();
    await report({ phase: 'indexing', done: 0, total: columns.count }, true);
    const index = buildIndex(reader, columns, params);
    await report({ phase: 'querying', done: 0, total: 1 }, true);
    const rows = queryCompanions(
      index,
      [{ subject: c.subjectPseudonym, from: [from ?? -Infinity], to: [to ?? Infinity] }],
      params,
    );
    const companions = companionInputs(index, rows);

    let stored: StoredCompanion[] = [];
    for (let k = 0; k < companions.length; k += STORE_BATCH) {
      stored = stored.concat(await upsertCompanions(db, caseId, companions.slice(k, k + STORE_BATCH)));
    }
    const known = stored.filter((s) => s.personId !== null);
    let yellow = 0;
    for (let k = 0; k < known.length; k++) {
      const s = known[k];
      const { transition } = await applyHealthCodeEvent(
        db,
        s.personId!,
        {
          kind: 'companion_found',
          at: options.now,
          caseId,
          caseLabel: c.label,
          cell: s.cell,
          overlapStart: s.overlapStart,
          overlapEnd: s.overlapEnd,
        },
        { preset: c.preset, caseId },
      );
      if (transition?.rule === 'companion_yellow') yellow++;
      await report({ phase: 'storing', done: k + 1, total: known.length });
    }
    const tasksCreated = await createTasksForCase(db, caseId, {
      now: new Date(options.now * 1000),
      dueHours: options.taskDueHours,
    });
    await setDetection(db, caseId, {
      state: 'done',
      progress: { phase: 'storing', done: known.length, total: known.length },
      companions: stored.length,
    });
    return {
      companions: stored.length,
      newCompanions: stored.filter((s) => s.inserted).length,
      known: known.length,
      yellow,
      tasksCreated,
      pings: columns.count,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await setDetection(db, caseId, { state: 'failed', error: message.slice(0, 500) }).catch(() => {});
    throw error;
  }
}

function companionInputs(index: CompanionIndex, rows: CompanionRowSet) {
  const out = [];
  for (const block of rows.blocks) {
    for (let r = 0; r < block.count; r++) {
      out.push({
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
