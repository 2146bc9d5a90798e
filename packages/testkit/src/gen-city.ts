/**
 * Seeded synthetic city: phones with homes and workplaces around hotspots, a daily routine, irregular
 * pings with GPS noise, written as the pings / cases CSVs of `shared/contracts/companion-rule.md`.
 *
 * Pure computation (no Node or DOM APIs). The same options always give byte-identical output. Pings are
 * produced in time order with O(phones) memory: a per-phone "next ping second" is kept in a bucket ring,
 * and every position is recomputed from (seed, phone, day) by hashing, so nothing per ping is stored.
 */

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

const DAY = 86400;
const HOUR = 3600;
/** Local time of the simulated city: +08:00. */
const TZ_OFFSET = 8 * HOUR;
const EARTH_R = 6371008.8;
const HALF_CITY = 15000;
const BUCKETS = 1 << 17; // > any gap between two pings of one phone (< 1 day)
const BUCKET_MASK = BUCKETS - 1;
const MAX_KEYFRAMES = 32;
/** Silent nights start between 23:00 and 01:30 and end between 05:30 and 07:30. */
const NIGHT_START_MIN = 23 * HOUR;
const NIGHT_END_MAX = 7.5 * HOUR;
const PHONE_PREFIXES = ['138', '139', '136', '158', '186', '199'];

// Salts for the counter-based hash.
const S_HOT = 1;
const S_HOME = 2;
const S_HOUSE = 3;
const S_WORK = 4;
const S_PHONE = 5;
const S_DAY = 6;
const S_NIGHT = 7;
const S_NEXT = 8;
const S_PING = 9;
const S_ID = 10;
const S_BAD = 11;
const S_CASES = 12;
const S_FIRST = 13;

// ---------------------------------------------------------------------------------------------------------
// Randomness: lowbias32 mixing as a counter-based hash, mulberry32 for short sequential streams.

function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

function hash4(a: number, b: number, c: number, d: number): number {
  let h = mix32((a + Math.imul(b, 0x9e3779b1)) | 0);
  h = mix32(h ^ Math.imul(c, 0x85ebca77));
  return mix32(h ^ Math.imul(d, 0xc2b2ae3d));
}

/** mulberry32 as a closure, for the few sequential streams (hotspots, bad-row spacing, cases). */
function mulberry32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussOf(rnd: () => number): number {
  const u = 1 - rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

// ---------------------------------------------------------------------------------------------------------
// Options.

interface Resolved {
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

function resolve(opts: CityOptions): Resolved {
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

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** 'YYYY-MM-DDTHH:MM:SS' of `epoch` shifted by `offset` seconds. */
function isoBase(epoch: number, offset: number): string {
  const dt = new Date((epoch + offset) * 1000);
  return (
    `${dt.getUTCFullYear()}-${pad2(dt.getUTCMonth() + 1)}-${pad2(dt.getUTCDate())}` +
    `T${pad2(dt.getUTCHours())}:${pad2(dt.getUTCMinutes())}:${pad2(dt.getUTCSeconds())}`
  );
}

// ---------------------------------------------------------------------------------------------------------
// The city.

/** Subject id of phone `i`: an 11-digit mobile number from a seeded permutation, or (≈1%) a hex pseudonym. */
function subjectId(seed: number, i: number, mulA: number, addB: number): string {
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

function idPermutation(seed: number): [number, number] {
  let a = (hash4(seed, 0, S_ID, 7) % 50_000_000) * 2 + 1;
  if (a % 5 === 0) a += 2;
  return [a, hash4(seed, 0, S_ID, 8) % 100_000_000];
}

// Per-phone record: 16 four-byte slots (one cache line), so that a ping touches one line of phone data.
const REC = 16;
const F_HOME_X = 0;
const F_HOME_Y = 1;
const F_WORK_X = 2;
const F_WORK_Y = 3;
/** Centre of the work hotspot: where lunch is taken. */
const F_LUNCH_X = 4;
const F_LUNCH_Y = 5;
/** Travel speed, m/s. */
const F_SPEED = 6;
/** GPS noise standard deviation, metres. */
const F_NOISE = 7;
/** Typical seconds between two pings when still (int). */
const I_BASE = 8;
/** Bit 0: stays home on workdays; bit 1: silent for a few hours every night (int). */
const I_FLAGS = 9;
/** Next phone in the same bucket, -1 at the end (int). */
const I_NEXT = 10;
const I_ID_LEN = 11;
/** Slots 12..15: the subject id, up to 16 ASCII bytes. */
const ID_SLOT = 12;
const ID_MAX = 16;

class City {
  readonly o: Resolved;
  // hotspots
  readonly hotX: Float64Array;
  readonly hotY: Float64Array;
  readonly hotHomeCum: Float64Array;
  readonly hotWorkCum: Float64Array;
  readonly hotVisitCum: Float64Array;
  /** Phone records, three views of one buffer. */
  readonly pf: Float32Array;
  readonly pi: Int32Array;
  readonly pb: Uint8Array;
  readonly weekend: Uint8Array;
  readonly kx: number;
  readonly ky: number;

  // scratch: a day's keyframes of the phone being computed, the sequential stream, the last position.
  private readonly kt = new Float64Array(MAX_KEYFRAMES);
  private readonly kxs = new Float64Array(MAX_KEYFRAMES);
  private readonly kys = new Float64Array(MAX_KEYFRAMES);
  private kn = 0;
  private rs = 0;
  px = 0;
  py = 0;
  moving = false;
  nightStart = 0;
  nightEnd = 0;

  constructor(o: Resolved) {
    this.o = o;
    const { phones, seed } = o;
    this.kx = Math.cos((o.lat0 * Math.PI) / 180) * (Math.PI / 180) * EARTH_R;
    this.ky = (Math.PI / 180) * EARTH_R;

    // Hotspots: business centres (work) and shopping centres (visits), Gaussian around the centre.
    const nHot = Math.round(phones / 2000) + 5;
    this.hotX = new Float64Array(nHot);
    this.hotY = new Float64Array(nHot);
    this.hotHomeCum = new Float64Array(nHot);
    this.hotWorkCum = new Float64Array(nHot);
    this.hotVisitCum = new Float64Array(nHot);
    const rh = mulberry32(hash4(seed, 0, S_HOT, 0));
    let cumH = 0;
    let cumW = 0;
    let cumV = 0;
    for (let k = 0; k < nHot; k++) {
      let x: number;
      let y: number;
      do {
        x = gaussOf(rh) * 6000;
        y = gaussOf(rh) * 6000;
      } while (Math.abs(x) > HALF_CITY - 2000 || Math.abs(y) > HALF_CITY - 2000);
      this.hotX[k] = x;
      this.hotY[k] = y;
      const business = rh() < 0.6;
      cumH += 0.5 + rh();
      cumW += business ? 1 + rh() : 0.2 + 0.2 * rh();
      cumV += business ? 0.2 + 0.2 * rh() : 1 + rh();
      this.hotHomeCum[k] = cumH;
      this.hotWorkCum[k] = cumW;
      this.hotVisitCum[k] = cumV;
    }

    const buffer = new ArrayBuffer(phones * REC * 4);
    const pf = new Float32Array(buffer);
    const pi = new Int32Array(buffer);
    const pb = new Uint8Array(buffer);
    this.pf = pf;
    this.pi = pi;
    this.pb = pb;
    const [mulA, addB] = idPermutation(seed);
    const rnd = () => this.r();
    for (let i = 0; i < phones; i++) {
      const at = i * REC;
      // About half the phones live in households of three (same home, separate lives).
      const g = (i - (i % 3)) / 3;
      this.rs = hash4(seed, g, S_HOUSE, 0);
      this.rs = this.r() < 0.5 ? hash4(seed, g, S_HOUSE, 1) : hash4(seed, i, S_HOME, 0);
      let k = pick(this.hotHomeCum, this.r());
      pf[at + F_HOME_X] = clampCity(this.hotX[k] + gaussOf(rnd) * 2500);
      pf[at + F_HOME_Y] = clampCity(this.hotY[k] + gaussOf(rnd) * 2500);
      this.rs = hash4(seed, i, S_WORK, 0);
      k = pick(this.hotWorkCum, this.r());
      pf[at + F_WORK_X] = clampCity(this.hotX[k] + gaussOf(rnd) * 1000);
      pf[at + F_WORK_Y] = clampCity(this.hotY[k] + gaussOf(rnd) * 1000);
      pf[at + F_LUNCH_X] = this.hotX[k];
      pf[at + F_LUNCH_Y] = this.hotY[k];
      this.rs = hash4(seed, i, S_PHONE, 0);
      pi[at + I_FLAGS] = (this.r() < 0.12 ? 1 : 0) | (this.r() < 0.85 ? 2 : 0);
      pi[at + I_BASE] = 390 + Math.floor(this.r() * 360);
      pf[at + F_SPEED] = 5 + this.r() * 5;
      pf[at + F_NOISE] = 8 + Math.floor(this.r() * 32);
      const id = subjectId(seed, i, mulA, addB);
      if (id.length > ID_MAX) throw new Error(`subject id too long: ${id}`);
      pi[at + I_ID_LEN] = id.length;
      const idAt = (at + ID_SLOT) * 4;
      for (let c = 0; c < id.length; c++) pb[idAt + c] = id.charCodeAt(c);
    }

    // Weekends change the routine only when the run is longer than a working week.
    this.weekend = new Uint8Array(o.days);
    if (o.days > 5) {
      const [y, mo, d] = o.startYmd;
      for (let day = 0; day < o.days; day++) {
        const dow = new Date(Date.UTC(y, mo - 1, d + day)).getUTCDay();
        this.weekend[day] = dow === 0 || dow === 6 ? 1 : 0;
      }
    }
  }

  /** mulberry32 step on the scratch state. */
  r(): number {
    this.rs = (this.rs + 0x6d2b79f5) | 0;
    let t = Math.imul(this.rs ^ (this.rs >>> 15), this.rs | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Approximately standard normal (Irwin–Hall, four uniforms): cheap, and fine for a synthetic city. */
  gauss(): number {
    return (this.r() + this.r() + this.r() + this.r() - 2) * 1.7320508075688772;
  }

  private add(t: number, x: number, y: number): void {
    const n = this.kn;
    const last = n > 0 ? this.kt[n - 1] : 0;
    this.kt[n] = Math.max(t, last);
    this.kxs[n] = x;
    this.kys[n] = y;
    this.kn = n + 1;
  }

  private lastT(): number {
    return this.kt[this.kn - 1];
  }

  private travel(p: number, x1: number, y1: number, x2: number, y2: number): number {
    const dx = x2 - x1;
    const dy = y2 - y1;
    return 240 + Math.sqrt(dx * dx + dy * dy) / this.pf[p * REC + F_SPEED];
  }

  /** Keyframes (seconds of the day, x, y) of phone `p` on `day`; linear motion between distinct points. */
  private buildDay(p: number, day: number): void {
    this.rs = hash4(this.o.seed, p, day + 1, S_DAY);
    this.kn = 0;
    const pf = this.pf;
    const at = p * REC;
    const hx = pf[at + F_HOME_X];
    const hy = pf[at + F_HOME_Y];
    this.add(0, hx, hy);
    const weekend = this.weekend[day] === 1;
    if (!weekend && (this.pi[at + I_FLAGS] & 1) === 0 && this.r() < 0.95) {
      // A working day.
      const wx = pf[at + F_WORK_X];
      const wy = pf[at + F_WORK_Y];
      const leave = clamp(7.75 * HOUR + this.gauss() * 2100, 6 * HOUR, 10 * HOUR);
      const commute = this.travel(p, hx, hy, wx, wy);
      this.add(leave, hx, hy);
      this.add(leave + commute, wx, wy);
      if (this.r() < 0.35) {
        // Lunch near the centre of the work hotspot.
        const lx = pf[at + F_LUNCH_X] + this.gauss() * 250;
        const ly = pf[at + F_LUNCH_Y] + this.gauss() * 250;
        const walk = Math.min(1200, 180 + Math.sqrt((lx - wx) ** 2 + (ly - wy) ** 2) / 1.4);
        const ls = Math.max(this.lastT() + 1800, 11.75 * HOUR + this.r() * HOUR);
        const stay = 1800 + this.r() * 1800;
        this.add(ls, wx, wy);
        this.add(ls + walk, lx, ly);
        this.add(ls + walk + stay, lx, ly);
        this.add(ls + 2 * walk + stay, wx, wy);
      }
      const end = Math.max(
        this.lastT() + 1800,
        clamp(17.75 * HOUR + this.gauss() * 2400, 16.5 * HOUR, 21 * HOUR),
      );
      this.add(end, wx, wy);
      if (!(this.r() < 0.25 && this.visit(p, wx, wy, end, 3600, 5400))) {
        this.add(end + commute, hx, hy);
      }
    } else if (this.r() < (weekend ? 0.6 : 0.45)) {
      // At home, with an outing to a shopping centre.
      const start = 9.5 * HOUR + this.r() * 7 * HOUR;
      this.add(start, hx, hy);
      this.visit(p, hx, hy, start, 3600, 3 * 3600);
    }
    this.add(DAY, hx, hy);
  }

  /** From (x, y) at `t`: to a hotspot, stay, then home, if back before 23:30. */
  private visit(p: number, x: number, y: number, t: number, minStay: number, extraStay: number): boolean {
    const k = pick(this.hotVisitCum, this.r());
    const vx = this.hotX[k] + this.gauss() * 400;
    const vy = this.hotY[k] + this.gauss() * 400;
    const hx = this.pf[p * REC + F_HOME_X];
    const hy = this.pf[p * REC + F_HOME_Y];
    const there = t + this.travel(p, x, y, vx, vy);
    const leave = there + minStay + this.r() * extraStay;
    const back = leave + this.travel(p, vx, vy, hx, hy);
    if (back > 23.5 * HOUR) return false;
    this.add(there, vx, vy);
    this.add(leave, vx, vy);
    this.add(back, hx, hy);
    return true;
  }

  /** Sets px, py (metres, before GPS noise) and moving for phone `p` at simulation second `s`. */
  position(p: number, s: number): void {
    const day = Math.floor(s / DAY);
    const sod = s - day * DAY;
    this.buildDay(p, day);
    const kt = this.kt;
    let i = 0;
    while (i < this.kn - 2 && kt[i + 1] <= sod) i++;
    const t0 = kt[i];
    const t1 = kt[i + 1];
    const x0 = this.kxs[i];
    const y0 = this.kys[i];
    const x1 = this.kxs[i + 1];
    const y1 = this.kys[i + 1];
    if ((x0 === x1 && y0 === y1) || t1 <= t0) {
      this.px = x0;
      this.py = y0;
      this.moving = false;
    } else {
      const f = Math.min(1, (sod - t0) / (t1 - t0));
      this.px = x0 + (x1 - x0) * f;
      this.py = y0 + (y1 - y0) * f;
      this.moving = true;
    }
  }

  /** Sets nightStart/nightEnd (simulation seconds) of the silent night beginning on the evening of `day`. */
  night(p: number, day: number): void {
    this.rs = hash4(this.o.seed, p, day + 1, S_NIGHT);
    this.nightStart = day * DAY + NIGHT_START_MIN + this.r() * 2.5 * HOUR;
    this.nightEnd = (day + 1) * DAY + NIGHT_END_MAX - this.r() * 2 * HOUR;
  }

  /** Moves `t` past the silent night it falls in, if any. */
  private skipNight(p: number, t: number): number {
    if ((this.pi[p * REC + I_FLAGS] & 2) === 0) return t;
    const d = Math.floor(t / DAY);
    const sod = t - d * DAY;
    if (sod >= NIGHT_END_MAX && sod < NIGHT_START_MIN) return t;
    for (let day = d - 1; day <= d; day++) {
      this.night(p, day);
      if (t >= this.nightStart && t < this.nightEnd) {
        return Math.floor(this.nightEnd) + Math.floor(hash4(this.o.seed, p, t, S_NIGHT) % 600);
      }
    }
    return t;
  }

  firstPing(p: number): number {
    return this.skipNight(p, hash4(this.o.seed, p, 0, S_FIRST) % 900);
  }

  /** Second of the ping after the one at `s` (needs position(p, s) just computed). */
  nextPing(p: number, s: number): number {
    this.rs = hash4(this.o.seed, p, s, S_NEXT);
    const base = this.pi[p * REC + I_BASE];
    let iv: number;
    if (this.moving) iv = base * (0.35 + 0.4 * this.r());
    else if (this.r() < 0.16) iv = 1860 + this.r() * 3600;
    else iv = base * (0.6 + 0.8 * this.r());
    return this.skipNight(p, s + Math.max(90, Math.floor(iv)));
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function clampCity(v: number): number {
  return clamp(v, -HALF_CITY, HALF_CITY);
}

/** Index of the first cumulative weight above u * total. */
function pick(cum: Float64Array, u: number): number {
  const target = u * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------------------
// Public API.

/** Bytes kept free past a chunk's fill mark: a ping and its extra rows always fit. */
const ROOM = 4096;

/**
 * An ASCII byte buffer for one chunk: rows are written as bytes (no per-row strings, which made the
 * generator garbage-collection bound) and the chunk is decoded to a string once.
 */
class ChunkWriter {
  buf: Uint8Array;
  pos = 0;
  private readonly decoder: { decode(input: Uint8Array): string } | null;

  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
    const TD = (globalThis as { TextDecoder?: new () => { decode(input: Uint8Array): string } }).TextDecoder;
    this.decoder = TD ? new TD() : null;
  }

  grow(): void {
    const bigger = new Uint8Array(this.buf.length * 2);
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  byte(c: number): void {
    this.buf[this.pos++] = c;
  }

  ascii(s: string): void {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  copy(src: Uint8Array, from: number, to: number): void {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = from; i < to; i++) buf[pos++] = src[i];
    this.pos = pos;
  }

  /** A non-negative integer below 2^53. */
  uint(n: number): void {
    if (n > 0x7fffffff) {
      const hi = Math.floor(n / 1e9);
      this.uint(hi);
      this.digits(n - hi * 1e9, 9);
      return;
    }
    let len = 1;
    for (let t = n; t >= 10; t = (t / 10) | 0) len++;
    this.digits(n, len);
  }

  /** `n` (a non-negative int32) as exactly `len` digits, zero-padded. */
  digits(n: number, len: number): void {
    const buf = this.buf;
    const pos = this.pos;
    n |= 0;
    for (let i = len - 1; i >= 0; i--) {
      const q = (n / 10) | 0;
      buf[pos + i] = 48 + n - q * 10;
      n = q;
    }
    this.pos = pos + len;
  }

  /** `v` with exactly 6 decimals, as toFixed(6) would print it (up to rounding ties). */
  fixed6(v: number): void {
    let m = Math.round(v * 1e6);
    if (m < 0) {
      this.byte(45);
      m = -m;
    }
    const ip = Math.floor(m / 1e6);
    this.uint(ip);
    this.byte(46);
    this.digits(m - ip * 1e6, 6);
  }

  /** The bytes written so far as a string; empties the buffer. */
  take(): string {
    const n = this.pos;
    this.pos = 0;
    if (this.decoder) return this.decoder.decode(this.buf.subarray(0, n));
    let out = '';
    for (let i = 0; i < n; i += 8192) {
      out += String.fromCharCode.apply(null, Array.from(this.buf.subarray(i, Math.min(n, i + 8192))));
    }
    return out;
  }
}

/** Yields the pings CSV in chunks of roughly `chunkBytes` (default 1 MiB) as strings; first chunk starts with the header `subject,ts,lon,lat\n`. */
export function* generatePings(opts: CityOptions, chunkBytes = 1 << 20): Generator<string> {
  const o = resolve(opts);
  const city = new City(o);
  const { phones, seed, start, lon0, lat0, badRows } = o;
  const horizon = o.days * DAY;

  // Bucket ring of phones by the second of their next ping (a singly linked list per second).
  const head = new Int32Array(BUCKETS).fill(-1);
  const { pf, pi, pb } = city;
  const schedule = (p: number, t: number) => {
    const b = t & BUCKET_MASK;
    pi[p * REC + I_NEXT] = head[b];
    head[b] = p;
  };
  // Lists are LIFO; pushing in reverse makes the first second's phones come out in index order.
  for (let p = phones - 1; p >= 0; p--) {
    const t = city.firstPing(p);
    if (t < horizon) schedule(p, t);
  }

  const limit = Math.max(1, Math.floor(chunkBytes));
  const w = new ChunkWriter(Math.min(limit, 1 << 20) + ROOM);
  w.ascii('subject,ts,lon,lat\n');
  const kx = city.kx;
  const ky = city.ky;
  const badRng = mulberry32(hash4(seed, 0, S_BAD, 0));
  let rows = 0;
  let nextBad = 200;
  let badKind = 0;

  for (let s = 0; s < horizon; s++) {
    const b = s & BUCKET_MASK;
    let p = head[b];
    if (p === -1) continue;
    head[b] = -1;
    const epoch = start + s;
    const epochText = `${epoch}`;
    // The list walk is pipelined: the next phone's record is loaded one ping ahead (fewer cache stalls).
    let pNext = pi[p * REC + I_NEXT];
    while (p !== -1) {
      const at = p * REC;
      const after = pNext;
      if (after !== -1) pNext = pi[after * REC + I_NEXT];
      city.position(p, s);
      // Per-ping randomness: GPS noise (Box–Muller), instant format, duplicates.
      const h = hash4(seed, p, s, S_PING);
      const hb = mix32(h ^ 0x5bd1e995);
      const g1 = Math.sqrt(-2 * Math.log(1 - (h >>> 8) / 16777216)) * pf[at + F_NOISE];
      const g2 = 2 * Math.PI * ((hb >>> 8) / 16777216);
      const lon = lon0 + (city.px + g1 * Math.cos(g2)) / kx;
      const lat = lat0 + (city.py + g1 * Math.sin(g2)) / ky;
      const fmtRoll = h & 0xff;
      // ≈2%: local 'YYYY-MM-DD HH:MM:SS', ≈1%: UTC '...Z'; a quarter of those with a '.5' fraction.
      const tsText =
        fmtRoll < 5
          ? isoBase(epoch, TZ_OFFSET).replace('T', ' ') + ((hb & 3) === 0 ? '.5' : '')
          : fmtRoll < 8
            ? `${isoBase(epoch, 0)}${(hb & 3) === 0 ? '.5' : ''}Z`
            : epochText;
      const id0 = (at + ID_SLOT) * 4;
      const id1 = id0 + pi[at + I_ID_LEN];

      const rowStart = w.pos;
      w.copy(pb, id0, id1);
      w.byte(44);
      const tsStart = w.pos;
      w.ascii(tsText);
      const tsEnd = w.pos;
      w.byte(44);
      w.fixed6(lon);
      w.byte(44);
      const latStart = w.pos;
      w.fixed6(lat);
      const rowEnd = w.pos;
      w.byte(10);
      rows++;

      if (badRows) {
        if ((hb & 0x3ff) === 0) {
          // ≈0.1%: the same subject and instant again: identical bytes, moved coordinates, or another format.
          const how = (hb >>> 10) % 3;
          if (how === 0) {
            w.copy(w.buf, rowStart, rowEnd);
          } else if (how === 1) {
            w.copy(w.buf, rowStart, tsEnd);
            w.byte(44);
            w.fixed6(lon + 0.0003);
            w.byte(44);
            w.fixed6(lat - 0.0002);
          } else {
            w.copy(pb, id0, id1);
            w.byte(44);
            w.ascii(`${isoBase(epoch, 0)}Z`);
            w.copy(w.buf, tsEnd, rowEnd);
          }
          w.byte(10);
          rows++;
        }
        if (rows >= nextBad) {
          // The first five (after rows 200..1000) show every kind; then ≈1 per 100k rows.
          const kind = badKind < 5 ? badKind : Math.floor(badRng() * 5);
          badKind++;
          if (kind === 0) {
            w.copy(w.buf, tsStart - 1, rowEnd); // ',ts,lon,lat': empty subject
          } else if (kind === 1) {
            w.copy(pb, id0, id1);
            w.ascii(',yesterday');
            w.copy(w.buf, tsEnd, rowEnd);
          } else if (kind === 2) {
            w.copy(w.buf, rowStart, latStart);
            w.ascii('NaN');
          } else if (kind === 3) {
            w.copy(w.buf, rowStart, tsEnd);
            w.ascii(',200');
            w.copy(w.buf, latStart - 1, rowEnd);
          }
          w.byte(10); // kind 4: a blank line
          rows++;
          nextBad = badKind < 5 ? 200 * (badKind + 1) : rows + 50_000 + Math.floor(badRng() * 100_000);
        }
      }

      const t = city.nextPing(p, s);
      if (t < horizon) schedule(p, t);
      if (w.pos >= limit) yield w.take();
      else if (w.pos > w.buf.length - ROOM) w.grow();
      p = after;
    }
  }
  if (w.pos > 0) yield w.take();
}

/** The cases CSV (`subject,from,to\n` + rows): confirmed cases chosen among the generated phones, windows covering part of the simulated days, ISO instants with +08:00 or unbounded (empty) ends sometimes. */
export function generateCases(opts: CityOptions): string {
  const o = resolve(opts);
  const { phones, seed, start } = o;
  const span = o.days * DAY;
  const [mulA, addB] = idPermutation(seed);
  const rnd = mulberry32(hash4(seed, 0, S_CASES, 0));
  const chosen = new Set<number>();
  let out = 'subject,from,to\n';
  while (chosen.size < o.cases) {
    const i = Math.floor(rnd() * phones);
    if (chosen.has(i)) continue;
    chosen.add(i);
    // A window of at least 12 h (or the whole run), whole minutes, inside the simulated days.
    const len = Math.min(span, Math.max(12 * HOUR, (0.3 + 0.6 * rnd()) * span));
    const from = Math.floor((rnd() * (span - len)) / 60) * 60;
    const to = Math.min(span, Math.ceil((from + len) / 60) * 60);
    const roll = rnd();
    const fromText = roll < 0.12 ? '' : `${isoBase(start + from, TZ_OFFSET)}+08:00`;
    const toText = roll > 0.88 ? '' : `${isoBase(start + to, TZ_OFFSET)}+08:00`;
    out += `${subjectId(seed, i, mulA, addB)},${fromText},${toText}\n`;
  }
  return out;
}
