/** The stored N-1 analysis: writes `infra_n1_runs` and `infra_n1_losses` (store/indicators.ts reads the losses for the resilience index). */
import { type Db, subtree } from '@renxing/db';
import type { LossRow } from '../rules/network.js';

/** One computation of the analysis. */
export interface N1Run {
  id: number;
  computedAt: Date;
  assets: number;
  links: number;
  rows: number;
  ms: number;
}

/** A stored loss row with the names a reader needs. */
export interface StoredLoss {
  /** The asset that fails alone. */
  asset: string;
  assetName: string;
  /** The kind of the failed asset (the service lost is `kind`). */
  assetKind: string;
  /** The service the community loses. */
  kind: string;
  /** The community's place id, path and name. */
  community: string;
  communityPath: string;
  communityName: string;
  populationLost: number;
}

/**
 * Stores a computation: a run row, and its rows replacing the previous computation's (only the
 * latest rows are kept; runs are kept as the history of when the analysis was computed).
 */
export async function saveN1(
  db: Db,
  run: Omit<N1Run, 'id' | 'rows'>,
  rows: readonly LossRow[],
): Promise<N1Run> {
  const { rows: inserted } = await db.query<{ id: string }>(
    `INSERT INTO infra_n1_runs (computed_at, assets, links, rows, ms) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [run.computedAt, run.assets, run.links, rows.length, run.ms],
  );
  const id = Number(inserted[0].id);
  await db.query('DELETE FROM infra_n1_losses');
  if (rows.length > 0)
    await db.query(
      `INSERT INTO infra_n1_losses (run_id, asset_id, kind, community_id, population_lost)
       SELECT $1, v.asset_id, v.kind, v.community_id, v.population_lost
         FROM unnest($2::text[], $3::text[], $4::uuid[], $5::int[]) AS v(asset_id, kind, community_id, population_lost)`,
      [
        id,
        rows.map((r) => r.asset),
        rows.map((r) => r.kind),
        rows.map((r) => r.community),
        rows.map((r) => r.populationLost),
      ],
    );
  return { id, ...run, rows: rows.length };
}

/** The latest computation, if there was one. */
export async function latestN1Run(db: Db): Promise<N1Run | undefined> {
  const { rows } = await db.query<{
    id: string;
    computed_at: Date;
    assets: number;
    links: number;
    rows: number;
    ms: number;
  }>('SELECT id, computed_at, assets, links, rows, ms FROM infra_n1_runs ORDER BY id DESC LIMIT 1');
  const r = rows[0];
  return (
    r && {
      id: Number(r.id),
      computedAt: new Date(r.computed_at),
      assets: r.assets,
      links: r.links,
      rows: r.rows,
      ms: r.ms,
    }
  );
}

export interface LossFilter {
  /** Only rows of communities at or under this place path (null: all). */
  scope: string | null;
  /** Only the rows of this asset. */
  asset?: string;
}

/** The latest computation's rows, by asset, kind, community path (byte order). */
export async function storedLosses(db: Db, f: LossFilter): Promise<StoredLoss[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.scope !== null) {
    params.push(f.scope);
    where.push(subtree('c.path', `$${params.length}`));
  }
  if (f.asset !== undefined) {
    params.push(f.asset);
    where.push(`l.asset_id = $${params.length}`);
  }
  const { rows } = await db.query<{
    asset_id: string;
    asset_name: string;
    asset_kind: string;
    kind: string;
    community_id: string;
    community_path: string;
    community_name: string;
    population_lost: number;
  }>(
    `SELECT l.asset_id, a.name AS asset_name, a.kind AS asset_kind, l.kind, l.community_id,
            c.path AS community_path, c.name AS community_name, l.population_lost
       FROM infra_n1_losses l
       JOIN infra_assets a ON a.id = l.asset_id
       JOIN places c ON c.id = l.community_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY l.asset_id, l.kind, c.path`,
    params,
  );
  return rows.map((r) => ({
    asset: r.asset_id,
    assetName: r.asset_name,
    assetKind: r.asset_kind,
    kind: r.kind,
    community: r.community_id,
    communityPath: r.community_path,
    communityName: r.community_name,
    populationLost: r.population_lost,
  }));
}

/** The latest computation's rows in the order the analysis gives them (asset, kind, community id). */
export async function storedLossRows(db: Db): Promise<LossRow[]> {
  const { rows } = await db.query<{
    asset_id: string;
    kind: string;
    community_id: string;
    population_lost: number;
  }>(
    'SELECT asset_id, kind, community_id, population_lost FROM infra_n1_losses ORDER BY asset_id, kind, community_id',
  );
  return rows.map((r) => ({
    asset: r.asset_id,
    kind: r.kind,
    community: r.community_id,
    populationLost: r.population_lost,
  }));
}
