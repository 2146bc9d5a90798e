/**
 * The kinds of service the console knows by name and colour (water, power, gas, telecom, heat);
 * any other word an import brings is drawn in the colour of `other` and named as it is written.
 */

export const KNOWN_KINDS = ['water', 'power', 'gas', 'telecom', 'heat'] as const;
export type KnownKind = (typeof KNOWN_KINDS)[number];

const COLOURS: Record<KnownKind | 'other', string> = {
  water: '#1f77c4',
  power: '#e09a00',
  gas: '#c8413b',
  telecom: '#7b4ea3',
  heat: '#e4692a',
  other: '#55707f',
};

export const isKnownKind = (kind: string): kind is KnownKind =>
  (KNOWN_KINDS as readonly string[]).includes(kind);

/** The colour of a kind on the map, in badges and legends. */
export const kindColour = (kind: string): string => COLOURS[isKnownKind(kind) ? kind : 'other'];

/** The colour of an asset that is offline (every sensor silent). */
export const OFFLINE_COLOUR = '#a7b0ba';

/** Kinds in the console's order: the known ones first as listed, the others by name. */
export function sortKinds(kinds: Iterable<string>): string[] {
  const rank = (k: string) => (isKnownKind(k) ? KNOWN_KINDS.indexOf(k) : KNOWN_KINDS.length);
  return [...new Set(kinds)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
