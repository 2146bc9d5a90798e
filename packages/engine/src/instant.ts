/**
 * Instants of the contract: `-?[0-9]+` epoch seconds, or
 * `YYYY-MM-DD` (`T`|` `) `HH:MM:SS` [`.` fraction] [`Z` | `±HH:MM`], read at `tzOffset` seconds east
 * of UTC when it has no offset. Parsed straight from bytes; NaN means unparseable.
 */

/** Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Two ASCII digits at b[i], b[i+1] as a number, or -1. */
function two(b: Uint8Array, i: number): number {
  const x = b[i] - 48;
  const y = b[i + 1] - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

export function parseInstant(b: Uint8Array, s: number, e: number, tzOffset: number): number {
  if (s >= e) return Number.NaN;
  // Epoch seconds.
  let i = s;
  if (b[i] === 45) i++;
  if (i < e) {
    let v = 0;
    let j = i;
    while (j < e) {
      const d = b[j] - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
      j++;
    }
    if (j === e) {
      if (v > Number.MAX_SAFE_INTEGER) return Number.NaN;
      return i > s ? -v : v;
    }
  }
  return parseIso(b, s, e, tzOffset);
}

function parseIso(b: Uint8Array, s: number, e: number, tzOffset: number): number {
  if (e - s < 19) return Number.NaN;
  const y1 = two(b, s);
  const y2 = two(b, s + 2);
  const mo = two(b, s + 5);
  const d = two(b, s + 8);
  const h = two(b, s + 11);
  const mi = two(b, s + 14);
  const se = two(b, s + 17);
  const sep = b[s + 10];
  if (
    y1 < 0 ||
    y2 < 0 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    se < 0 ||
    se > 59 ||
    b[s + 4] !== 45 ||
    b[s + 7] !== 45 ||
    (sep !== 84 && sep !== 32) ||
    b[s + 13] !== 58 ||
    b[s + 16] !== 58
  )
    return Number.NaN;
  const y = y1 * 100 + y2;
  if (d > daysInMonth(y, mo)) return Number.NaN;
  let i = s + 19;
  if (i < e && b[i] === 46) {
    // Fraction: at least one digit, dropped (floor to the whole second).
    i++;
    const f0 = i;
    while (i < e && b[i] >= 48 && b[i] <= 57) i++;
    if (i === f0) return Number.NaN;
  }
  let offset = tzOffset;
  if (i < e) {
    const c = b[i];
    if (c === 90 && i + 1 === e) offset = 0;
    else if ((c === 43 || c === 45) && i + 6 === e && b[i + 3] === 58) {
      const oh = two(b, i + 1);
      const om = two(b, i + 4);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
      offset = (c === 45 ? -1 : 1) * (oh * 3600 + om * 60);
    } else return Number.NaN;
  }
  return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - offset;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** ISO-8601 UTC with `Z`, whole seconds: `2021-11-01T08:00:00Z`. */
export function formatInstant(t: number): string {
  const days = Math.floor(t / 86400);
  let sod = t - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(sod / 3600);
  sod -= h * 3600;
  const mi = Math.floor(sod / 60);
  const se = sod - mi * 60;
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 6);
  return `${year}-${pad(m, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(se, 2)}Z`;
}

/** Parses `±HH:MM` into seconds east of UTC, or NaN. */
export function parseUtcOffset(text: string): number {
  const m = /^([+-])(\d\d):(\d\d)$/.exec(text);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59) return Number.NaN;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
}

const textEncoder = new TextEncoder();

/** `parseInstant` of a string (NaN: unparseable). */
export function parseInstantText(text: string, tzOffset: number): number {
  const b = textEncoder.encode(text);
  return parseInstant(b, 0, b.length, tzOffset);
}

/** ISO-8601 at a fixed offset (seconds east of UTC), whole seconds: `2021-11-01T16:00:00+08:00`. */
export function formatInstantAt(t: number, offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = `${sign}${String(Math.floor(abs / 3600)).padStart(2, '0')}:${String(Math.floor((abs % 3600) / 60)).padStart(2, '0')}`;
  return formatInstant(t + offset).slice(0, -1) + zone;
}
