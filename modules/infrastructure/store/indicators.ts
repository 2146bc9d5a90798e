/**
 * What infrastructure's resilience indicator reads (indicators.ts): the latest N-1 analysis
 * (`infra_n1_losses`, as store/n1.ts keeps it) per community and failing asset, in one query over
 * the whole city.
 */
import type { Db } from '@renxing/db';

/** One failing asset's losses in one community: the people per service it leaves without. */
export interface AssetLoss {
  asset: string;
  name: string;
  /** The failed asset's own kind (power for a substation). */
  assetKind: string;
  /** Summed over the services lost. */
  lost: number;
  /** Per service lost (kind order). */
  kinds: { kind: string; lost: number }[];
}

/** A community with a sink, its worst assets (most people first, then asset id) and how many assets it has rows for. */
export interface CommunityLosses {
  community: string;
  assets: AssetLoss[];
  assetCount: number;
}

/**
 * Every community with a sink that stood before `asOf`, with its `limit` worst failing assets of
 * the latest N-1 analysis (assets that stood before `asOf`): per (community, asset) the people
 * lost summed over kinds. A community whose sinks lose nothing comes with no assets.
 */
export async function worstLosses(db: Db, asOf: Date, limit: number): Promise<CommunityLosses[]> {
  const { rows } = await db.query<{
    community_id: string;
    asset_id: string | null;
    name: string | null;
    asset_kind: string | null;
    lost: string | number | null;
    kinds: { kind: string; lost: number }[] | null;
    n: string | number | null;
  }>(
    `WITH sinks AS (
       SELECT DISTINCT community_id FROM infra_assets
        WHERE type = 'sink' AND created_at < $1
     ), per_asset AS (
       SELECT l.community_id, l.asset_id, a.name, a.kind AS asset_kind, sum(l.population_lost)::bigint AS lost,
              json_agg(json_build_object('kind', l.kind, 'lost', l.population_lost) ORDER BY l.kind) AS kinds
         FROM infra_n1_losses l JOIN infra_assets a ON a.id = l.asset_id
        WHERE a.created_at < $1
        GROUP BY l.community_id, l.asset_id, a.name, a.kind
     ), ranked AS (
       SELECT p.*, row_number() OVER (PARTITION BY p.community_id ORDER BY p.lost DESC, p.asset_id) AS rn,
              count(*) OVER (PARTITION BY p.community_id) AS n
         FROM per_asset p
     )
     SELECT s.community_id, r.asset_id, r.name, r.asset_kind, r.lost, r.kinds, r.n
       FROM sinks s LEFT JOIN ranked r ON r.community_id = s.community_id AND r.rn <= $2
      ORDER BY s.community_id, r.rn`,
    [asOf, limit],
  );
  const out = new Map<string, CommunityLosses>();
  for (const r of rows) {
    let c = out.get(r.community_id);
    if (!c) {
      c = { community: r.community_id, assets: [], assetCount: Number(r.n ?? 0) };
      out.set(r.community_id, c);
    }
    if (r.asset_id !== null)
      c.assets.push({
        asset: r.asset_id,
        name: r.name ?? r.asset_id,
        assetKind: r.asset_kind ?? '',
        lost: Number(r.lost),
        kinds: r.kinds ?? [],
      });
  }
  return [...out.values()];
}
