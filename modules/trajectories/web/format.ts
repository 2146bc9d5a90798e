/** How trajectories' figures read on the console (pure: no clock, no I/O). */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** A byte count as people read storage: 980 B, 12.4 KiB, 3.1 GiB. */
export function formatBytes(n: number): string {
  let v = n;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} ${UNITS[0]}` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${UNITS[u]}`;
}
