/**
 * The companion query across shards, giving exactly the batch engine's answer. Round 1: every
 * shard returns the cases' stays. Round 2: the shard owning each cell of the cases' clipped stays
 * returns the stays overlapping them there (all a pair needs) and, when the dwell clause is on,
 * those subjects' stays in the cell within [E − dwell_window, E]. A small CompanionIndex is then
 * built from exactly those stays and the engine's own `queryCompanions` runs on it — so rows,
 * byte order, ties and dwell are the engine's. The mini index gets the global latest ping instant
 * (E when a case's `to` is unbounded) through its stay table's `maxPingTs`.
 */
import {
  type CaseWindows,
  CompanionIndex,
  type CompanionParams,
  type CompanionRowSet,
  compareUtf8,
  queryCompanions,
} from '@renxing/engine';
import { shardOfCell } from './partition.js';
import { type CellProbe, decodeAnswer, encodeRequest } from './query-wire.js';
import { cellKey } from './shard-store.js';
import type { StayRecord } from './types.js';

export type ShardCall = (shard: number, request: Uint8Array) => Promise<Uint8Array>;

export interface LatestStats {
  /** Latest kept ping instant over all partitions. */
  maxInstant: number;
  pings: number;
  duplicates: number;
}

export async function fanoutCompanions(
  call: ShardCall,
  shards: number,
  cases: readonly CaseWindows[],
  params: CompanionParams,
  latest: LatestStats,
): Promise<{ index: CompanionIndex; rows: CompanionRowSet }> {
  const stays = new Map<string, StayRecord>();
  const keep = (list: StayRecord[]) => {
    for (const s of list) {
      const key = `${s.start}\u0000${s.subject}`;
      if (!stays.has(key)) stays.set(key, s);
    }
  };
  const subjects = [...new Set(cases.map((c) => c.subject))].sort(compareUtf8);
  const byCase = new Map<string, StayRecord[]>();
  if (subjects.length > 0) {
    const req = encodeRequest({ kind: 'subjects', subjects });
    const answers = await Promise.all(
      Array.from({ length: shards }, (_, shard) => call(shard, req).then((u) => decodeAnswer(u, shard))),
    );
    for (const list of answers) {
      keep(list);
      for (const s of list) {
        const mine = byCase.get(s.subject);
        if (mine) mine.push(s);
        else byCase.set(s.subject, [s]);
      }
    }
  }
  const perShard = probesByShard(cases, byCase, params, latest.maxInstant, shards);
  const answers = await Promise.all(
    [...perShard].map(([shard, probes]) =>
      call(shard, encodeRequest({ kind: 'cells', probes })).then((u) => decodeAnswer(u, shard)),
    ),
  );
  for (const list of answers) keep(list);
  const index = miniIndex([...stays.values()], params, latest);
  return { index, rows: queryCompanions(index, cases, params) };
}

/** One probe per (case, cell) of the case's clipped stays, grouped by the shard owning the cell. */
function probesByShard(
  cases: readonly CaseWindows[],
  byCase: Map<string, StayRecord[]>,
  params: CompanionParams,
  maxInstant: number,
  shards: number,
): Map<number, CellProbe[]> {
  const out = new Map<number, CellProbe[]>();
  const need = params.mode === 'contiguous' ? params.minOverlap : 0;
  for (const c of cases) {
    const mine = byCase.get(c.subject);
    if (!mine) continue;
    let E = c.to[c.to.length - 1];
    if (E === Number.POSITIVE_INFINITY) E = maxInstant;
    const dwell: [number, number] | null = params.minCellDwell > 0 ? [E - params.dwellWindow, E] : null;
    const cells = new Map<number, CellProbe>();
    for (const s of mine) {
      for (let w = 0; w < c.from.length; w++) {
        const cs = Math.max(s.start, c.from[w]);
        const ce = Math.min(s.end, c.to[w]);
        if (!(ce > cs)) continue;
        const key = cellKey(s.i, s.j);
        let p = cells.get(key);
        if (!p) {
          p = { i: s.i, j: s.j, need, pieces: [], dwell };
          cells.set(key, p);
          const shard = shardOfCell(s.i, s.j, shards);
          const list = out.get(shard);
          if (list) list.push(p);
          else out.set(shard, [p]);
        }
        p.pieces.push(cs, ce);
      }
    }
  }
  return out;
}

const encoder = new TextEncoder();

/** A CompanionIndex of just these stays (subjects in byte order, cells interned). */
function miniIndex(list: StayRecord[], params: CompanionParams, latest: LatestStats): CompanionIndex {
  const names = [...new Set(list.map((s) => s.subject))].sort(compareUtf8);
  const rank = new Map(names.map((n, r) => [n, r]));
  const encoded = names.map((n) => encoder.encode(n));
  const offsets = new Uint32Array(names.length + 1);
  for (let r = 0; r < names.length; r++) offsets[r + 1] = offsets[r] + encoded[r].length;
  const bytes = new Uint8Array(offsets[names.length]);
  for (let r = 0; r < names.length; r++) bytes.set(encoded[r], offsets[r]);
  const sorted = list
    .map((s) => ({ s, r: rank.get(s.subject) ?? 0 }))
    .sort((a, b) => a.r - b.r || a.s.start - b.s.start);
  const n = sorted.length;
  const cellIds = new Map<number, number>();
  const cellI: number[] = [];
  const cellJ: number[] = [];
  const table = {
    count: n,
    subject: new Uint32Array(n),
    cell: new Uint32Array(n),
    start: new Float64Array(n),
    end: new Float64Array(n),
    allStays: n,
    positive: n,
    minStart: Number.POSITIVE_INFINITY,
    maxEnd: Number.NEGATIVE_INFINITY,
    duplicates: latest.duplicates,
    maxPingTs: latest.maxInstant,
  };
  for (let k = 0; k < n; k++) {
    const { s, r } = sorted[k];
    const key = cellKey(s.i, s.j);
    let c = cellIds.get(key);
    if (c === undefined) {
      c = cellI.length;
      cellIds.set(key, c);
      cellI.push(s.i);
      cellJ.push(s.j);
    }
    table.subject[k] = r;
    table.cell[k] = c;
    table.start[k] = s.start;
    table.end[k] = s.end;
    table.minStart = Math.min(table.minStart, s.start);
    table.maxEnd = Math.max(table.maxEnd, s.end);
  }
  return CompanionIndex.build({
    stays: [table],
    names: { bytes, offsets },
    cellI: Int32Array.from(cellI),
    cellJ: Int32Array.from(cellJ),
    cells: cellI.length,
    grid: params,
    stay: params,
    parse: params,
    pings: latest.pings,
    pingRejects: 0,
  });
}
