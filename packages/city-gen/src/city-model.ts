/** One phone's home, work and daily routine, recomputed from (seed, phone, day) by hashing. */
import {
  DAY,
  EARTH_R,
  gaussOf,
  HALF_CITY,
  HOUR,
  hash4,
  idPermutation,
  MAX_KEYFRAMES,
  mulberry32,
  NIGHT_END_MAX,
  NIGHT_START_MIN,
  type Resolved,
  S_DAY,
  S_FIRST,
  S_HOME,
  S_HOT,
  S_HOUSE,
  S_NEXT,
  S_NIGHT,
  S_PHONE,
  S_WORK,
  subjectId,
} from './city-setup.js';

export const REC = 16;
export const F_HOME_X = 0;
export const F_HOME_Y = 1;
export const F_WORK_X = 2;
export const F_WORK_Y = 3;
/** Centre of the work hotspot: where lunch is taken. */
export const F_LUNCH_X = 4;
export const F_LUNCH_Y = 5;
/** Travel speed, m/s. */
export const F_SPEED = 6;
/** GPS noise standard deviation, metres. */
export const F_NOISE = 7;
/** Typical seconds between two pings when still (int). */
export const I_BASE = 8;
/** Bit 0: stays home on workdays; bit 1: silent for a few hours every night (int). */
export const I_FLAGS = 9;
/** Next phone in the same bucket, -1 at the end (int). */
export const I_NEXT = 10;
export const I_ID_LEN = 11;
/** Slots 12..15: the subject id, up to 16 ASCII bytes. */
export const ID_SLOT = 12;
export const ID_MAX = 16;

export class City {
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

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

export function clampCity(v: number): number {
  return clamp(v, -HALF_CITY, HALF_CITY);
}

/** Index of the first cumulative weight above u * total. */
export function pick(cum: Float64Array, u: number): number {
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
