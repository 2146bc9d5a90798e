/** Options, constants, seeded randomness and identifiers of the synthetic city (see gen-city.ts). */

export interface CityOptions {
  /** Number of phones (subjects), at least 1. */
  phones: number;
  /** Number of simulated days, at least 1. */
  days: number;
  /** Any finite number; the integer part selects the city. */
  seed: number;
  /**
   * First simulated day, 'YYYY-MM-DD', local time +08:00. Default '2026-11-01' (a Sunday). Saturdays and
   * Sundays get a weekend routine only when days > 5; shorter runs are all working days.
   */
  startDate?: string;
  /** City origin [lon, lat]. Default [106.55, 29.56]. */
  origin?: [number, number];
  /** Confirmed cases. Default max(3, round(phones / 20000)) capped at 50 (never more than phones). */
  cases?: number;
  /** Insert bad rows and duplicate rows into the pings. Default true. */
  badRows?: boolean;
}

export const DAY = 86400;
export const HOUR = 3600;
/** Local time of the simulated city: +08:00. */
export const TZ_OFFSET = 8 * HOUR;
export const EARTH_R = 6371008.8;
export const HALF_CITY = 15000;
export const BUCKETS = 1 << 17; // > any gap between two pings of one phone (< 1 day)
export const BUCKET_MASK = BUCKETS - 1;
export const MAX_KEYFRAMES = 32;
/** Silent nights start between 23:00 and 01:30 and end between 05:30 and 07:30. */
export const NIGHT_START_MIN = 23 * HOUR;
export const NIGHT_END_MAX = 7.5 * HOUR;
export const PHONE_PREFIXES = ['138', '139', '136', '158', '186', '199'];

// Salts for the counter-based hash.
export const S_HOT = 1;
export const S_HOME = 2;
export const S_HOUSE = 3;
export const S_WORK = 4;
export const S_PHONE = 5;
export const S_DAY = 6;
export const S_NIGHT = 7;
export const S_NEXT = 8;
export const S_PING = 9;
export const S_ID = 10;
export const S_BAD = 11;
export const S_CASES = 12;
export const S_FIRST = 13;

// ---------------------------------------------------------------------------------------------------------
// Randomness: lowbias32 mixing as a counter-based hash, mulberry32 for short sequential streams.

export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hash4(a: number, b: number, c: number, d: number): number {
  let h = mix32((a + Math.imul(b, 0x9e3779b1)) | 0);
  h = mix32(h ^ Math.imul(c, 0x85ebca77));
  return mix32(h ^ Math.imul(d, 0xc2b2ae3d));
}

/** mulberry32 as a closure, for the few sequential streams (hotspots, bad-row spacing, cases). */
export function mulberry32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussOf(rnd: () => number): number {
  const u = 1 - rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

// ---------------------------------------------------------------------------------------------------------
// Options.

export interface Resolved {
  phones: number;
  days: number;
  seed: number;
  /** Epoch seconds of local midnight starting day 0. */
  start: number;
  startYmd: [number, number, number];
  lon0: number;
  lat0: number;
  cases: number;
  badRows: boolean;
}

export function resolve(opts: CityOptions): Resolved {
  const { phones, days, seed } = opts;
  if (!Number.isInteger(phones) || phones < 1 || phones > 100_000_000) {
    throw new RangeError(`phones must be an integer in [1, 1e8], got ${phones}`);
  }
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    throw new RangeError(`days must be an integer in [1, 3660], got ${days}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  const date = opts.startDate ?? '2026-11-01';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`startDate must be YYYY-MM-DD, got ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`startDate is not a calendar date: ${date}`);
  }
  const [lon0, lat0] = opts.origin ?? [106.55, 29.56];
  if (!(Math.abs(lon0) <= 170 && Math.abs(lat0) <= 80)) {
    throw new RangeError(`origin must be within lon ±170, lat ±80, got ${lon0},${lat0}`);
  }
  const whole = Math.floor(seed);
  const seed32 = mix32((whole >>> 0) ^ mix32(Math.floor(whole / 4294967296) >>> 0));
  const cases = Math.min(phones, opts.cases ?? Math.min(50, Math.max(3, Math.round(phones / 20000))));
  if (!Number.isInteger(cases) || cases < 0) throw new RangeError(`cases must be a non-negative integer`);
  return {
    phones,
    days,
    seed: seed32,
    start: ms / 1000 - TZ_OFFSET,
    startYmd: [y, mo, d],
    lon0,
    lat0,
    cases,
    badRows: opts.badRows ?? true,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Formatting.

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** 'YYYY-MM-DDTHH:MM:SS' of `epoch` shifted by `offset` seconds. */
export function isoBase(epoch: number, offset: number): string {
  const dt = new Date((epoch + offset) * 1000);
  return (
    `${dt.getUTCFullYear()}-${pad2(dt.getUTCMonth() + 1)}-${pad2(dt.getUTCDate())}` +
    `T${pad2(dt.getUTCHours())}:${pad2(dt.getUTCMinutes())}:${pad2(dt.getUTCSeconds())}`
  );
}

// ---------------------------------------------------------------------------------------------------------
// The city.

/** Subject id of phone `i`: an 11-digit mobile number from a seeded permutation, or (≈1%) a hex pseudonym. */
export function subjectId(seed: number, i: number, mulA: number, addB: number): string {
  const h = hash4(seed, i, S_ID, 0);
  if (h % 100 === 0) {
    const hi = hash4(seed, i, S_ID, 1).toString(16).padStart(8, '0');
    const lo = hash4(seed, i, S_ID, 2).toString(16).padStart(8, '0');
    return hi + lo;
  }
  // (mulA * i + addB) mod 1e8 without leaving the exact-integer range; a bijection since gcd(mulA, 1e8) = 1.
  const lo = i % 10000;
  const hi = (i - lo) / 10000;
  const n = (((mulA * lo) % 1e8) + ((mulA * hi) % 1e8) * 10000 + addB) % 1e8;
  return PHONE_PREFIXES[(h >>> 8) % PHONE_PREFIXES.length] + `${n}`.padStart(8, '0');
}

export function idPermutation(seed: number): [number, number] {
  let a = (hash4(seed, 0, S_ID, 7) % 50_000_000) * 2 + 1;
  if (a % 5 === 0) a += 2;
  return [a, hash4(seed, 0, S_ID, 8) % 100_000_000];
}

// Per-phone record: 16 four-byte slots (one cache line), so that a ping touches one line of phone data.
