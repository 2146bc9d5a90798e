/** Builds CSV output as UTF-8 bytes in one growing buffer: no string per field, no garbage. */
import { daysFromCivil } from './instant.js';

export class ByteWriter {
  buf: Uint8Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.length + n, this.buf.length * 2));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  bytes(b: Uint8Array): void {
    this.range(b, 0, b.length);
  }

  /** b[s..e). */
  range(b: Uint8Array, s: number, e: number): void {
    const n = e - s;
    this.room(n);
    if (n > 32)
      this.buf.set(b.subarray(s, e), this.length); // set() costs more on short ranges
    else for (let i = 0; i < n; i++) this.buf[this.length + i] = b[s + i];
    this.length += n;
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.length++] = c;
  }

  /** A whole number (may be negative). */
  int(v: number): void {
    if (v < 0) {
      this.byte(45);
      v = -v;
    }
    let width = 1;
    for (let p = 10; p <= v; p *= 10) width++;
    this.room(width);
    this.digits(v, width);
  }

  private digits(v: number, width: number): void {
    for (let k = width - 1; k >= 0; k--) {
      const q = Math.floor(v / 10);
      this.buf[this.length + k] = 48 + (v - q * 10);
      v = q;
    }
    this.length += width;
  }

  /** `YYYY-MM-DDTHH:MM:SSZ` (years outside 0–9999 fall back to the string formatter). */
  instant(t: number, fallback: (t: number) => string): void {
    const days = Math.floor(t / 86400);
    if (days !== this.day) this.setDay(days);
    if (this.year < 0 || this.year > 9999) {
      this.ascii(fallback(t));
      return;
    }
    this.room(20);
    this.digits(this.year, 4);
    this.buf[this.length++] = 45;
    this.digits(this.month, 2);
    this.buf[this.length++] = 45;
    this.digits(this.dom, 2);
    this.buf[this.length++] = 84;
    let sod = t - days * 86400;
    const h = Math.floor(sod / 3600);
    sod -= h * 3600;
    const mi = Math.floor(sod / 60);
    this.digits(h, 2);
    this.buf[this.length++] = 58;
    this.digits(mi, 2);
    this.buf[this.length++] = 58;
    this.digits(sod - mi * 60, 2);
    this.buf[this.length++] = 90;
  }

  private day = Number.NaN;
  private year = 0;
  private month = 0;
  private dom = 0;

  private setDay(days: number): void {
    this.day = days;
    // Year by estimate and correction, then month and day of month.
    let y = Math.floor(days / 365.2425) + 1970;
    while (daysFromCivil(y, 1, 1) > days) y--;
    while (daysFromCivil(y + 1, 1, 1) <= days) y++;
    let m = 1;
    while (m < 12 && daysFromCivil(y, m + 1, 1) <= days) m++;
    this.year = y;
    this.month = m;
    this.dom = days - daysFromCivil(y, m, 1) + 1;
  }

  /** ASCII-only text (labels, headers). */
  ascii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
  }

  /** Takes the bytes written so far and starts again. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    return out;
  }
}
