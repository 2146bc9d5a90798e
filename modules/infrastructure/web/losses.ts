/**
 * Counting what failures take away, pure: the people who lose a service (not counted twice where
 * the sinks of several kinds serve the same people), the services lost by kind, and the assets
 * the N-1 analysis names single points of failure.
 */
import { sortKinds } from './kinds.js';

interface Loss {
  kind: string;
  community: string;
  populationLost: number;
}

/**
 * The people who lose a service if it fails: in each community the most of its rows (the sinks of
 * different kinds serve the same people), summed over the communities.
 */
export function peopleLost(rows: readonly Pick<Loss, 'community' | 'populationLost'>[]): number {
  const most = new Map<string, number>();
  for (const r of rows) most.set(r.community, Math.max(most.get(r.community) ?? 0, r.populationLost));
  return [...most.values()].reduce((n, p) => n + p, 0);
}

/** The services lost by kind: the communities cut off and the people in them (the rows summed). */
export function lossByKind(rows: readonly Loss[]): { kind: string; communities: number; people: number }[] {
  const by = new Map<string, { communities: Set<string>; people: number }>();
  for (const r of rows) {
    const k = by.get(r.kind) ?? { communities: new Set(), people: 0 };
    k.communities.add(r.community);
    k.people += r.populationLost;
    by.set(r.kind, k);
  }
  return sortKinds(by.keys()).map((kind) => ({
    kind,
    communities: by.get(kind)!.communities.size,
    people: by.get(kind)!.people,
  }));
}

/** The assets that are a single point of failure for some community, by the analysis. */
export const spofsOf = (
  n1:
    | { rows: readonly { asset: string }[]; spofs: readonly { assets: readonly string[] }[] }
    | undefined
    | null,
): Set<string> =>
  new Set([...(n1?.rows ?? []).map((r) => r.asset), ...(n1?.spofs ?? []).flatMap((s) => s.assets)]);
