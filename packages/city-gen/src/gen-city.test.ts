import { beforeAll, describe, expect, it } from 'vitest';
import { type CityOptions, generateCases, generatePings } from './gen-city.js';

const HEADER = 'subject,ts,lon,lat\n';
const R = 6371008.8;

function all(opts: CityOptions, chunkBytes?: number): string {
  let out = '';
  for (const chunk of generatePings(opts, chunkBytes)) out += chunk;
  return out;
}

/** A loose reading of the contract's instant grammar; null when unparseable. */
function parseInstant(s: string): number | null {
  if (/^-?[0-9]+$/.test(s)) return Number(s);
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(s);
  if (!m) return null;
  let offset = 8 * 3600;
  if (m[8] === 'Z') offset = 0;
  else if (m[8] !== undefined) {
    offset = (m[8][0] === '-' ? -1 : 1) * (Number(m[8].slice(1, 3)) * 3600 + Number(m[8].slice(4, 6)) * 60);
  }
  const utc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000;
  return utc - offset;
}

interface Row {
  line: string;
  subject: string;
  t: number;
  lon: number;
  lat: number;
}

interface Parsed {
  rows: Row[];
  /** Lines (without the header) that the contract rejects, by reason. */
  bad: { blank: number; subject: number; ts: number; lon: number; lat: number; fields: number };
  /** Good rows whose (subject, instant) was seen before. */
  duplicates: Row[];
  /** Good rows, first of each (subject, instant). */
  kept: Row[];
}

function parse(csv: string): Parsed {
  expect(csv.startsWith(HEADER)).toBe(true);
  expect(csv.endsWith('\n')).toBe(true);
  const lines = csv.slice(HEADER.length, -1).split('\n');
  const bad = { blank: 0, subject: 0, ts: 0, lon: 0, lat: 0, fields: 0 };
  const rows: Row[] = [];
  const kept: Row[] = [];
  const duplicates: Row[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (line === '') {
      bad.blank++;
      continue;
    }
    const f = line.split(',');
    if (f.length !== 4) {
      bad.fields++;
      continue;
    }
    const t = parseInstant(f[1]);
    const lon = Number(f[2]);
    const lat = Number(f[3]);
    if (f[0] === '') bad.subject++;
    else if (t === null) bad.ts++;
    else if (!Number.isFinite(lon) || Math.abs(lon) > 180) bad.lon++;
    else if (!Number.isFinite(lat) || Math.abs(lat) > 90) bad.lat++;
    else {
      const row = { line, subject: f[0], t, lon, lat };
      rows.push(row);
      const key = `${row.subject}\u0000${t}`;
      if (seen.has(key)) duplicates.push(row);
      else {
        seen.add(key);
        kept.push(row);
      }
    }
  }
  return { rows, bad, duplicates, kept };
}

function badTotal(p: Parsed): number {
  const b = p.bad;
  return b.blank + b.subject + b.ts + b.lon + b.lat + b.fields;
}

interface Stay {
  cell: string;
  start: number;
  end: number;
}

/** Companions of one case under the contract's default rule (800 m square cells, 600 s, 1800 s). */
function companionCount(kept: Row[], caseSubject: string, from: number, to: number): number {
  const [lon0, lat0] = [106.55, 29.56];
  const bySubject = new Map<string, { t: number; cell: string }[]>();
  for (const r of kept) {
    const x = (r.lon - lon0) * Math.cos((lat0 * Math.PI) / 180) * (Math.PI / 180) * R;
    const y = (r.lat - lat0) * (Math.PI / 180) * R;
    const cell = `${Math.floor(x / 800)}:${Math.floor(y / 800)}`;
    const list = bySubject.get(r.subject) ?? [];
    if (list.length === 0) bySubject.set(r.subject, list);
    list.push({ t: r.t, cell });
  }
  const staysByCell = new Map<string, { subject: string; start: number; end: number }[]>();
  const caseStays: Stay[] = [];
  for (const [subject, list] of bySubject) {
    list.sort((a, b) => a.t - b.t);
    let cur: Stay | null = null;
    const stays: Stay[] = [];
    for (let k = 0; k < list.length; k++) {
      const next = list[k + 1];
      const end = next !== undefined && next.t - list[k].t <= 1800 ? next.t : list[k].t;
      if (cur !== null && cur.cell === list[k].cell && cur.end === list[k].t) cur.end = end;
      else {
        cur = { cell: list[k].cell, start: list[k].t, end };
        stays.push(cur);
      }
    }
    for (const s of stays) {
      if (subject === caseSubject) caseStays.push(s);
      else {
        const at = staysByCell.get(s.cell) ?? [];
        if (at.length === 0) staysByCell.set(s.cell, at);
        at.push({ subject, start: s.start, end: s.end });
      }
    }
  }
  const companions = new Set<string>();
  for (const c of caseStays) {
    const start = Math.max(c.start, from);
    const end = Math.min(c.end, to);
    if (start > end) continue;
    for (const o of staysByCell.get(c.cell) ?? []) {
      if (Math.min(end, o.end) - Math.max(start, o.start) >= 600) companions.add(o.subject);
    }
  }
  return companions.size;
}

describe('generatePings: a 2000-phone day', () => {
  const opts: CityOptions = { phones: 2000, days: 1, seed: 20261101 };
  let csv = '';
  let parsed: Parsed;
  beforeAll(() => {
    csv = all(opts);
    parsed = parse(csv);
  });

  it('starts with the header, and every non-blank row has 4 fields', () => {
    expect(csv.startsWith(HEADER)).toBe(true);
    expect(parsed.bad.fields).toBe(0);
    const lines = csv.slice(HEADER.length, -1).split('\n');
    expect(lines.filter((line) => line !== '' && line.split(',').length !== 4)).toEqual([]);
  });

  it('is byte-identical for the same seed, whatever the chunk size', () => {
    expect(all(opts)).toBe(csv);
    const chunks = [...generatePings(opts, 10_000)];
    expect(chunks.join('')).toBe(csv);
    expect(chunks[0].startsWith(HEADER)).toBe(true);
    // Roughly chunkBytes: all but the last at least the size, none much larger.
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(10_000);
    for (const c of chunks) expect(c.length).toBeLessThan(10_000 + 1000);
  });

  it('differs for another seed', () => {
    const other = all({ ...opts, seed: opts.seed + 1 });
    expect(other.startsWith(HEADER)).toBe(true);
    expect(other).not.toBe(csv);
    // Not merely shifted: the subjects themselves differ.
    const subjects = new Set(parsed.kept.map((r) => r.subject));
    const otherSubjects = new Set(parse(other).kept.map((r) => r.subject));
    const shared = [...otherSubjects].filter((s) => subjects.has(s)).length;
    expect(shared).toBeLessThan(subjects.size / 2);
  });

  it('has exactly `phones` subjects: 11-digit numbers, and about 1% hex pseudonyms', () => {
    const subjects = new Set(parsed.kept.map((r) => r.subject));
    expect(subjects.size).toBe(2000);
    const numbers = [...subjects].filter((s) => /^1[3-9][0-9]{9}$/.test(s));
    const hex = [...subjects].filter((s) => /^[0-9a-f]{16}$/.test(s) && !/^[0-9]{11}$/.test(s));
    expect(numbers.length + hex.length).toBe(2000);
    expect(hex.length).toBeGreaterThanOrEqual(5);
    expect(hex.length).toBeLessThanOrEqual(50);
    // File order is not numeric order: the first pings are not the smallest numbers.
    const firstTen = parsed.kept.slice(0, 10).map((r) => r.subject);
    expect([...firstTen].sort()).not.toEqual(firstTen);
  });

  it('writes rows in time order across the whole file, within the simulated day', () => {
    const start = Date.UTC(2026, 10, 1) / 1000 - 8 * 3600;
    let last = Number.NEGATIVE_INFINITY;
    let inversions = 0;
    let outside = 0;
    for (const r of parsed.rows) {
      if (r.t < last) inversions++;
      last = Math.max(last, r.t);
      if (r.t < start || r.t >= start + 86400) outside++;
    }
    expect(outside).toBe(0);
    expect(inversions).toBe(0);
    // Subjects are interleaved, not written one after another.
    const firstHundred = new Set(parsed.rows.slice(0, 100).map((r) => r.subject));
    expect(firstHundred.size).toBeGreaterThan(50);
  });

  it('mixes instant formats: mostly epoch seconds, ≈2% local ISO, ≈1% UTC Z, some with .5', () => {
    const n = parsed.rows.length;
    const ts = parsed.rows.map((r) => r.line.split(',')[1]);
    const epoch = ts.filter((s) => /^[0-9]{10}$/.test(s)).length;
    const local = ts.filter((s) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.5)?$/.test(s)).length;
    const zulu = ts.filter((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.5)?Z$/.test(s)).length;
    const frac = ts.filter((s) => s.includes('.5')).length;
    expect(epoch + local + zulu).toBe(n);
    expect(epoch / n).toBeGreaterThan(0.95);
    expect(local / n).toBeGreaterThan(0.01);
    expect(local / n).toBeLessThan(0.03);
    expect(zulu / n).toBeGreaterThan(0.005);
    expect(zulu / n).toBeLessThan(0.02);
    expect(frac).toBeGreaterThan(0);
  });

  it('prints coordinates with 6 decimals inside a ~30 km city around the origin', () => {
    const wrong = parsed.rows.filter((r) => {
      const [, , lon, lat] = r.line.split(',');
      return (
        !/^[0-9]+\.[0-9]{6}$/.test(lon) ||
        !/^[0-9]+\.[0-9]{6}$/.test(lat) ||
        Math.abs(r.lon - 106.55) > 0.17 ||
        Math.abs(r.lat - 29.56) > 0.15
      );
    });
    expect(wrong.map((r) => r.line)).toEqual([]);
  });

  it('pings 40-80 times a phone-day on average, mostly every 3-15 minutes, with some long gaps', () => {
    const perPhone = parsed.kept.length / 2000;
    expect(perPhone).toBeGreaterThan(40);
    expect(perPhone).toBeLessThan(80);
    const times = new Map<string, number[]>();
    for (const r of parsed.kept) {
      const list = times.get(r.subject) ?? [];
      list.push(r.t);
      times.set(r.subject, list);
    }
    let n = 0;
    let mid = 0;
    let long = 0;
    let silent = 0;
    const start = Date.UTC(2026, 10, 1) / 1000 - 8 * 3600;
    for (const list of times.values()) {
      for (let k = 1; k < list.length; k++) {
        const d = list[k] - list[k - 1];
        n++;
        if (d >= 180 && d <= 900) mid++;
        if (d > 1800) long++;
      }
      if (!list.some((t) => t >= start + 2 * 3600 && t < start + 5 * 3600)) silent++;
    }
    expect(mid / n).toBeGreaterThan(0.6);
    expect(long / n).toBeGreaterThan(0.03);
    expect(long / n).toBeLessThan(0.25);
    // Most phones, not all, are silent for hours at night (none between 02:00 and 05:00).
    expect(silent / 2000).toBeGreaterThan(0.6);
    expect(silent / 2000).toBeLessThan(0.95);
  });

  it('moves people: many are far from home at midday, and cases have companions', () => {
    const start = Date.UTC(2026, 10, 1) / 1000 - 8 * 3600;
    const home = new Map<string, Row>();
    const midday = new Map<string, Row>();
    for (const r of parsed.kept) {
      const hour = (r.t - start) / 3600;
      if (hour < 6 && !home.has(r.subject)) home.set(r.subject, r);
      if (hour >= 11 && hour < 16) midday.set(r.subject, r);
    }
    let away = 0;
    for (const [s, r] of midday) {
      const h = home.get(s);
      if (h && Math.hypot((r.lon - h.lon) * 96_700, (r.lat - h.lat) * 111_200) > 1500) away++;
    }
    expect(away / home.size).toBeGreaterThan(0.5);

    const cases = generateCases(opts).trim().split('\n').slice(1);
    const counts = cases.map((line) => {
      const [subject, from, to] = line.split(',');
      return companionCount(
        parsed.kept,
        subject,
        from === '' ? Number.NEGATIVE_INFINITY : parseInstant(from)!,
        to === '' ? Number.POSITIVE_INFINITY : parseInstant(to)!,
      );
    });
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(10);
    for (const c of counts) expect(c).toBeLessThan(1000);
  });

  it('has bad rows of every kind and ≈0.1% duplicates when badRows (the default)', () => {
    const b = parsed.bad;
    expect(b.blank).toBeGreaterThanOrEqual(1);
    expect(b.subject).toBeGreaterThanOrEqual(1);
    expect(b.ts).toBeGreaterThanOrEqual(1);
    expect(b.lat).toBeGreaterThanOrEqual(1);
    expect(b.lon).toBeGreaterThanOrEqual(1);
    expect(csv).toContain(',yesterday,');
    expect(csv).toContain(',NaN\n');
    expect(csv).toMatch(/,200,[0-9.]+\n/);
    expect(badTotal(parsed)).toBeGreaterThanOrEqual(5);
    expect(badTotal(parsed)).toBeLessThan(20);
    const dupRate = parsed.duplicates.length / parsed.rows.length;
    expect(dupRate).toBeGreaterThan(0.0003);
    expect(dupRate).toBeLessThan(0.003);
    // Some duplicates are the very same bytes, some only the same subject and instant.
    const lines = new Set(parsed.kept.map((r) => r.line));
    expect(parsed.duplicates.some((r) => lines.has(r.line))).toBe(true);
    expect(parsed.duplicates.some((r) => !lines.has(r.line))).toBe(true);
  });

  it('without badRows is the same city minus the bad and duplicate rows', () => {
    const clean = all({ ...opts, badRows: false });
    const p = parse(clean);
    expect(badTotal(p)).toBe(0);
    expect(p.duplicates).toHaveLength(0);
    expect(clean).not.toContain('\n\n');
    expect(p.kept.map((r) => r.line)).toEqual(parsed.kept.map((r) => r.line));
  });
});

describe('generatePings: other options', () => {
  it('puts at least 3 bad rows in any file over 1000 rows', () => {
    const csv = all({ phones: 20, days: 1, seed: 7 });
    const p = parse(csv);
    expect(p.rows.length + badTotal(p)).toBeGreaterThan(1000);
    expect(badTotal(p)).toBeGreaterThanOrEqual(3);
  });

  it('spans several days in order, with quieter weekends, from startDate at +08:00', () => {
    // 2026-03-02 is a Monday: days 5 and 6 are the weekend.
    const opts = { phones: 400, days: 7, seed: 3, startDate: '2026-03-02', badRows: false };
    const p = parse(all(opts));
    const start = Date.UTC(2026, 2, 2) / 1000 - 8 * 3600;
    let last = Number.NEGATIVE_INFINITY;
    const home = new Map<string, Row>();
    const awayByDay = Array.from({ length: 7 }, () => new Set<string>());
    let disorder = 0;
    for (const r of p.rows) {
      if (r.t < last || r.t >= start + 7 * 86400) disorder++;
      last = r.t;
      const day = Math.floor((r.t - start) / 86400);
      const hour = (r.t - start - day * 86400) / 3600;
      if (hour < 6 && !home.has(r.subject)) home.set(r.subject, r);
      const h = home.get(r.subject);
      if (h && hour >= 11 && hour < 16) {
        if (Math.hypot((r.lon - h.lon) * 96_700, (r.lat - h.lat) * 111_200) > 1500)
          awayByDay[day].add(r.subject);
      }
    }
    expect(disorder).toBe(0);
    expect(p.rows[0].t).toBeGreaterThanOrEqual(start);
    expect(p.rows[0].t).toBeLessThan(start + 3600);
    const weekday = Math.min(...awayByDay.slice(1, 5).map((s) => s.size));
    const weekend = Math.max(awayByDay[5].size, awayByDay[6].size);
    expect(weekend).toBeLessThan(weekday * 0.8);
  });

  it('centres the city on origin', () => {
    const p = parse(all({ phones: 50, days: 1, seed: 1, origin: [116.4, 39.9] }));
    expect(p.rows.length).toBeGreaterThan(1000);
    expect(p.rows.filter((r) => Math.abs(r.lon - 116.4) > 0.2 || Math.abs(r.lat - 39.9) > 0.15)).toEqual([]);
  });

  it('keeps no shared state: interleaved generators give the same bytes', () => {
    const a = generatePings({ phones: 100, days: 1, seed: 9 }, 2000);
    const b = generatePings({ phones: 100, days: 1, seed: 9 }, 2000);
    const c = generatePings({ phones: 100, days: 1, seed: 10 }, 2000);
    let outA = '';
    let outB = '';
    for (;;) {
      const x = a.next();
      c.next();
      const y = b.next();
      if (x.done || y.done) {
        expect(x.done && y.done).toBe(true);
        break;
      }
      outA += x.value;
      outB += y.value;
    }
    expect(outA).toBe(outB);
    expect(outA).toBe(all({ phones: 100, days: 1, seed: 9 }));
  });

  it('rejects bad options', () => {
    expect(() => all({ phones: 0, days: 1, seed: 1 })).toThrow(RangeError);
    expect(() => all({ phones: 10, days: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => all({ phones: 10, days: 1, seed: Number.NaN })).toThrow(RangeError);
    expect(() => all({ phones: 10, days: 1, seed: 1, startDate: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateCases({ phones: 10, days: 1, seed: 1, startDate: '1.11.2026' })).toThrow(RangeError);
  });
});

describe('generateCases', () => {
  const opts: CityOptions = { phones: 500, days: 3, seed: 11, cases: 40 };

  it('writes the header and `cases` distinct subjects that all ping', () => {
    const csv = generateCases(opts);
    expect(csv.startsWith('subject,from,to\n')).toBe(true);
    expect(csv.endsWith('\n')).toBe(true);
    const rows = csv.trim().split('\n').slice(1);
    expect(rows).toHaveLength(40);
    const subjects = rows.map((r) => r.split(',')[0]);
    expect(new Set(subjects).size).toBe(40);
    const pinging = new Set(parse(all({ ...opts, badRows: false })).kept.map((r) => r.subject));
    for (const s of subjects) expect(pinging.has(s)).toBe(true);
  });

  it('uses +08:00 ISO instants or empty ends, windows inside the simulated days', () => {
    const rows = generateCases(opts).trim().split('\n').slice(1);
    const start = Date.UTC(2026, 10, 1) / 1000 - 8 * 3600;
    let empty = 0;
    for (const row of rows) {
      const f = row.split(',');
      expect(f).toHaveLength(3);
      for (const end of [f[1], f[2]]) {
        if (end === '') empty++;
        else {
          expect(end).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
          const t = parseInstant(end)!;
          expect(t).toBeGreaterThanOrEqual(start);
          expect(t).toBeLessThanOrEqual(start + 3 * 86400);
        }
      }
      if (f[1] !== '' && f[2] !== '') {
        const len = parseInstant(f[2])! - parseInstant(f[1])!;
        expect(len).toBeGreaterThanOrEqual(12 * 3600);
        expect(len).toBeLessThanOrEqual(3 * 86400);
      }
    }
    expect(empty).toBeGreaterThan(0);
    expect(empty).toBeLessThan(rows.length);
  });

  it('is deterministic, depends on the seed, and defaults to max(3, phones/20000) cases', () => {
    expect(generateCases(opts)).toBe(generateCases(opts));
    expect(generateCases({ ...opts, seed: 12 })).not.toBe(generateCases(opts));
    const count = (o: CityOptions) => generateCases(o).trim().split('\n').length - 1;
    expect(count({ phones: 1000, days: 1, seed: 1 })).toBe(3);
    expect(count({ phones: 100_000, days: 1, seed: 1 })).toBe(5);
    expect(count({ phones: 2, days: 1, seed: 1 })).toBe(2);
  });
});
