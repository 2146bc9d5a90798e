/**
 * The map's colour scale: a score from 0 to its most (3 for the index, 1 for a mechanism or a
 * trait) in five equal bands, red (weakest) to green (strongest); no score is its own band, drawn
 * hatched grey. Pure.
 */

export const BANDS = [
  { colour: '#d13b3b' },
  { colour: '#f08a24' },
  { colour: '#e5b400' },
  { colour: '#8cc265' },
  { colour: '#2e9d5b' },
] as const;

/** The hatch's pattern id (defined once per map) and its legend swatch. */
export const NO_SCORE = 'none' as const;

/** The band (0–4) of `value` on [0, most]; null without a value. Out-of-range values are clamped. */
export function bandOf(value: number | null | undefined, most: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (most <= 0) return 0;
  const share = Math.min(1, Math.max(0, value / most));
  // A value on a band's lower edge belongs to it, whatever the rounding of the division.
  return Math.min(BANDS.length - 1, Math.floor(share * BANDS.length + 1e-9));
}

/** Each band's range [from, to) on [0, most] (the last one closed), for the legend. */
export function bandRanges(most: number): { from: number; to: number; colour: string }[] {
  const step = most / BANDS.length;
  return BANDS.map((b, i) => ({ from: i * step, to: (i + 1) * step, colour: b.colour }));
}
