/**
 * Brute-force ORACLE of `shared/contracts/companion-rule.md` (时空伴随).
 *
 * Written for clarity, not speed: plain objects, every clause spelled out, and a loop over
 * every (companion stay, case stay) pair. Property tests compare the fast engine against it.
 * Inputs are assumed already valid (no rejects); duplicates are handled here.
 */

export interface OPing {
  subject: string;
  /** Epoch seconds, integer. */
  t: number;
  lon: number;
  lat: number;
}

/** One case row; `null` = unbounded. Several rows for one subject = union of their windows. */
export interface OCase {
  subject: string;
  from: number | null;
  to: number | null;
}

export interface OParams {
  originLon: number;
  originLat: number;
  size: number;
  maxGap: number;
  minOverlap: number;
  mode: 'contiguous' | 'cumulative';
  /** 0 = clause off. */
  minCellDwell: number;
  dwellWindow: number;
}

export interface ORow {
  subject: string;
  case: string;
  cell: string;
  overlap_start: number;
  overlap_end: number;
  overlap_s: number;
}

/** Earth radius of the contract's projection, metres. */
export const EARTH_RADIUS_M = 6371008.8;

// ---------------------------------------------------------------------------------------------
// Strings

/**
 * Byte-wise UTF-8 comparison. For well-formed strings, UTF-8 byte order equals Unicode code
 * point order, so we compare code points (JS `<` compares UTF-16 code units, which differs
 * for astral characters such as "𝒜" vs "ｚ").
 */
export function compareBytewise(a: string, b: string): number {
  const ca = Array.from(a, (ch) => ch.codePointAt(0)!);
  const cb = Array.from(b, (ch) => ch.codePointAt(0)!);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    if (ca[i] !== cb[i]) return ca[i] < cb[i] ? -1 : 1;
  }
  if (ca.length === cb.length) return 0;
  return ca.length < cb.length ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Grid

/** The square cell `i:j` of a point, computed in the order the contract writes it. */
export function cellOf(
  lon: number,
  lat: number,
  p: Pick<OParams, 'originLon' | 'originLat' | 'size'>,
): string {
  const x = (lon - p.originLon) * Math.cos((p.originLat * Math.PI) / 180) * (Math.PI / 180) * EARTH_RADIUS_M;
  const y = (lat - p.originLat) * (Math.PI / 180) * EARTH_RADIUS_M;
  const i = Math.floor(x / p.size);
  const j = Math.floor(y / p.size);
  // `${-0}` is "0", so a -0 from floor never prints as "-0".
  return `${i}:${j}`;
}

// ---------------------------------------------------------------------------------------------
// Duplicates

/** Keeps the first ping (array order) of each (subject, t); returns kept pings and the dropped count. */
export function dropDuplicates(pings: OPing[]): { kept: OPing[]; duplicates: number } {
  const kept: OPing[] = [];
  let duplicates = 0;
  for (const ping of pings) {
    let seen = false;
    for (const k of kept) {
      if (k.subject === ping.subject && k.t === ping.t) {
        seen = true;
        break;
      }
    }
    if (seen) duplicates++;
    else kept.push(ping);
  }
  return { kept, duplicates };
}

// ---------------------------------------------------------------------------------------------
// Presence and stays

export interface OStay {
  cell: string;
  start: number;
  end: number;
}

/**
 * Stays of one subject from its (deduplicated) pings.
 * Ping k covers [t_k, t_{k+1}) when t_{k+1} - t_k <= maxGap, else [t_k, t_k]; the last ping
 * covers [t_n, t_n]. A stay is a maximal run of consecutive pings in the same cell whose
 * coverage is contiguous (ping k's coverage ends exactly where ping k+1's starts).
 */
export function buildStays(pings: { t: number; cell: string }[], maxGap: number): OStay[] {
  const sorted = [...pings].sort((a, b) => a.t - b.t);
  const coverage = sorted.map((ping, k) => {
    const next = sorted[k + 1];
    if (next !== undefined && next.t - ping.t <= maxGap)
      return { cell: ping.cell, start: ping.t, end: next.t };
    return { cell: ping.cell, start: ping.t, end: ping.t };
  });
  const stays: OStay[] = [];
  let current: OStay | null = null;
  for (const cov of coverage) {
    if (current !== null && current.cell === cov.cell && current.end === cov.start) {
      current.end = cov.end;
    } else {
      if (current !== null) stays.push(current);
      current = { cell: cov.cell, start: cov.start, end: cov.end };
    }
  }
  if (current !== null) stays.push(current);
  return stays;
}

// ---------------------------------------------------------------------------------------------
// Case windows

export interface OWindow {
  from: number; // -Infinity when unbounded
  to: number; // +Infinity when unbounded
}

/**
 * The union of a case's windows as disjoint closed intervals, sorted. Windows that overlap or
 * touch (next.from <= current.to) are merged, since their union is one connected interval.
 */
export function mergeWindows(rows: OCase[]): OWindow[] {
  const windows = rows
    .map((r) => ({ from: r.from ?? Number.NEGATIVE_INFINITY, to: r.to ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: OWindow[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last !== undefined && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else merged.push({ from: w.from, to: w.to });
  }
  return merged;
}

/** Clips stays to the union of windows; a stay crossing several windows yields several pieces. */
export function clipStays(stays: OStay[], windows: OWindow[]): OStay[] {
  const out: OStay[] = [];
  for (const s of stays) {
    for (const w of windows) {
      const start = Math.max(s.start, w.from);
      const end = Math.min(s.end, w.to);
      if (start <= end) out.push({ cell: s.cell, start, end });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Companions

interface Candidate {
  cell: string;
  start: number;
  end: number;
  overlap: number;
}

/** Largest overlap first, then earliest overlap_start, then smallest cell string (byte-wise). */
function better(a: Candidate, b: Candidate): boolean {
  if (a.overlap !== b.overlap) return a.overlap > b.overlap;
  if (a.start !== b.start) return a.start < b.start;
  return compareBytewise(a.cell, b.cell) < 0;
}

/** Total length of the (unclipped) stays in `cell` intersected with [E - window, E]. */
function dwell(stays: OStay[], cell: string, e: number, window: number): number {
  let total = 0;
  for (const s of stays) {
    if (s.cell !== cell) continue;
    const len = Math.min(s.end, e) - Math.max(s.start, e - window);
    if (len > 0) total += len;
  }
  return total;
}

export function oracleCompanions(pings: OPing[], cases: OCase[], p: OParams): ORow[] {
  // 1. Duplicates: first (subject, t) in array order kept.
  const { kept } = dropDuplicates(pings);

  // 2. Cells and stays per subject.
  const pingsBySubject = new Map<string, { t: number; cell: string }[]>();
  for (const ping of kept) {
    let list = pingsBySubject.get(ping.subject);
    if (list === undefined) {
      list = [];
      pingsBySubject.set(ping.subject, list);
    }
    list.push({ t: ping.t, cell: cellOf(ping.lon, ping.lat, p) });
  }
  const staysBySubject = new Map<string, OStay[]>();
  for (const [subject, list] of pingsBySubject) staysBySubject.set(subject, buildStays(list, p.maxGap));

  // Latest kept ping instant of the whole data set (for E when a case's `to` is unbounded).
  let latestPing = Number.NEGATIVE_INFINITY;
  for (const ping of kept) latestPing = Math.max(latestPing, ping.t);

  // 3. Cases, grouped by subject.
  const caseSubjects: string[] = [];
  for (const c of cases) if (!caseSubjects.includes(c.subject)) caseSubjects.push(c.subject);

  const rows: ORow[] = [];
  for (const caseSubject of caseSubjects) {
    const caseRows = cases.filter((c) => c.subject === caseSubject);
    const caseStays = staysBySubject.get(caseSubject) ?? [];
    const clipped = clipStays(caseStays, mergeWindows(caseRows));

    // E: the case's `to`; several rows: the latest `to`; any unbounded `to`: latest kept ping.
    let e = Number.NEGATIVE_INFINITY;
    for (const r of caseRows) e = r.to === null ? Number.POSITIVE_INFINITY : Math.max(e, r.to);
    if (e === Number.POSITIVE_INFINITY) e = latestPing;

    for (const [subject, stays] of staysBySubject) {
      if (subject === caseSubject) continue;

      const cells: string[] = [];
      for (const s of stays) if (!cells.includes(s.cell)) cells.push(s.cell);

      let best: Candidate | null = null;
      for (const cell of cells) {
        if (p.minCellDwell > 0) {
          const ok =
            dwell(stays, cell, e, p.dwellWindow) >= p.minCellDwell ||
            dwell(caseStays, cell, e, p.dwellWindow) >= p.minCellDwell;
          if (!ok) continue;
        }
        let sum = 0;
        let sumStart = Number.POSITIVE_INFINITY;
        let sumEnd = Number.NEGATIVE_INFINITY;
        for (const a of stays) {
          if (a.cell !== cell) continue;
          for (const b of clipped) {
            if (b.cell !== cell) continue;
            const start = Math.max(a.start, b.start);
            const end = Math.min(a.end, b.end);
            const overlap = end - start;
            if (p.mode === 'contiguous') {
              if (overlap >= p.minOverlap) {
                const cand = { cell, start, end, overlap };
                if (best === null || better(cand, best)) best = cand;
              }
            } else if (overlap > 0) {
              sum += overlap;
              sumStart = Math.min(sumStart, start);
              sumEnd = Math.max(sumEnd, end);
            }
          }
        }
        if (p.mode === 'cumulative' && sum >= p.minOverlap) {
          const cand = { cell, start: sumStart, end: sumEnd, overlap: sum };
          if (best === null || better(cand, best)) best = cand;
        }
      }
      if (best !== null) {
        rows.push({
          subject,
          case: caseSubject,
          cell: best.cell,
          overlap_start: best.start,
          overlap_end: best.end,
          overlap_s: best.overlap,
        });
      }
    }
  }

  rows.sort((a, b) => compareBytewise(a.case, b.case) || compareBytewise(a.subject, b.subject));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// CSV

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Pings CSV: header `subject,ts,lon,lat`, epoch seconds, coordinates via `String(n)` (exact round trip). */
export function toPingsCsv(pings: OPing[]): string {
  let out = 'subject,ts,lon,lat\n';
  for (const p of pings) out += `${csvField(p.subject)},${String(p.t)},${String(p.lon)},${String(p.lat)}\n`;
  return out;
}

/** Cases CSV: header `subject,from,to`, an empty field for an unbounded end. */
export function toCasesCsv(cases: OCase[]): string {
  let out = 'subject,from,to\n';
  for (const c of cases) {
    out += `${csvField(c.subject)},${c.from === null ? '' : String(c.from)},${c.to === null ? '' : String(c.to)}\n`;
  }
  return out;
}

/** RFC-4180-style records (quoted fields with `""`, `\n` or `\r\n` line ends); blank lines skipped. */
export function parseCsvRecords(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  while (i < csv.length) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** `YYYY-MM-DDTHH:MM:SSZ` → epoch seconds; throws on anything else. */
export function isoToEpoch(s: string): number {
  const m = ISO_UTC.exec(s);
  if (m === null) throw new Error(`not an ISO-8601 UTC instant: ${JSON.stringify(s)}`);
  const ms = Date.parse(s);
  if (!Number.isFinite(ms)) throw new Error(`invalid instant: ${JSON.stringify(s)}`);
  return ms / 1000;
}

const OUTPUT_HEADER = ['subject', 'case', 'cell', 'overlap_start', 'overlap_end', 'overlap_s'];

/** Parses the engine's companions CSV back into rows (instants → epoch seconds). */
export function parseCompanionsCsv(csv: string): ORow[] {
  const records = parseCsvRecords(csv.startsWith('\uFEFF') ? csv.slice(1) : csv);
  const header = records[0];
  if (header === undefined || header.join(',') !== OUTPUT_HEADER.join(',')) {
    throw new Error(`unexpected companions header: ${JSON.stringify(header)}`);
  }
  return records.slice(1).map((r, k) => {
    if (r.length !== OUTPUT_HEADER.length) {
      throw new Error(`companions row ${k + 2} has ${r.length} fields: ${JSON.stringify(r)}`);
    }
    const overlap = Number(r[5]);
    if (!/^-?\d+$/.test(r[5])) throw new Error(`overlap_s not whole seconds: ${JSON.stringify(r[5])}`);
    return {
      subject: r[0],
      case: r[1],
      cell: r[2],
      overlap_start: isoToEpoch(r[3]),
      overlap_end: isoToEpoch(r[4]),
      overlap_s: overlap,
    };
  });
}
