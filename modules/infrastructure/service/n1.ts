/**
 * The N-1 analysis of the whole network (shared/contracts/infrastructure.md, "N-1 analysis"):
 * computed by the rules (ServiceGraph, n1Rows) from every asset and link, stored after every
 * change of the network in that change's transaction, and on demand.
 *
 * Readers see the rows of the communities at or under their place (the failed asset may stand
 * anywhere: a district's communities may hang on a city-level plant). Per community, its single
 * points of failure: the assets whose failure alone makes it lose a service. Its **people at risk**
 * is the largest `populationLost` of those rows: the most people there whom one failure leaves
 * without a service. (Not a sum: the rows of different assets and kinds count the same people
 * again.)
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '@renxing/db';
import { compareUtf8 } from '@renxing/engine';
import { appendAudit } from '@renxing/modules/audit';
import { n1Rows, ServiceGraph } from '../rules/network.js';
import { latestN1Run, type N1Run, type StoredLoss, saveN1, storedLosses } from '../store/n1.js';
import { allLinks, graphAssets, lockNetwork } from '../store/network.js';
import { auditActor, type InfraActor } from './actor.js';

/** The graph of every stored asset and link. */
export async function loadGraph(db: Db): Promise<ServiceGraph> {
  const [assets, links] = await Promise.all([graphAssets(db), allLinks(db)]);
  return ServiceGraph.build(assets, links);
}

/**
 * Computes the analysis from the network as `tx` sees it and stores it (a run row, the rows
 * replacing the last ones). Call it inside the transaction that changed the network, after
 * lockNetwork.
 */
export async function recomputeN1(tx: Db, at: Date): Promise<N1Run> {
  const started = performance.now();
  const assets = await graphAssets(tx);
  const links = await allLinks(tx);
  const rows = n1Rows(ServiceGraph.build(assets, links));
  const ms = Math.round((performance.now() - started) * 1000) / 1000;
  return saveN1(tx, { computedAt: at, assets: assets.length, links: links.length, ms }, rows);
}

/** A community's single points of failure. */
export interface Spof {
  communityId: string;
  communityPath: string;
  name: string;
  /** The assets whose failure alone makes it lose a service (id order). */
  assets: string[];
  /** The services it can lose, each with its assets and the most people one failure leaves without it. */
  services: { kind: string; assets: string[]; peopleAtRisk: number }[];
  /** The largest population lost of its rows: the most people there one failure leaves without a service. */
  peopleAtRisk: number;
}

export interface N1Analysis {
  /** Null when it was never computed. */
  computedAt: Date | null;
  assets: number;
  links: number;
  ms: number | null;
  /** The rows of the communities at or under the reader's place, by asset, kind, community path. */
  rows: StoredLoss[];
  /** Per community, most people at risk first (then by path). */
  spofs: Spof[];
}

/** The single points of failure of each community in `rows`. */
export function spofsOf(rows: readonly StoredLoss[]): Spof[] {
  const byCommunity = new Map<string, StoredLoss[]>();
  for (const r of rows) byCommunity.set(r.community, [...(byCommunity.get(r.community) ?? []), r]);
  const spofs: Spof[] = [];
  for (const [communityId, mine] of byCommunity) {
    const kinds = [...new Set(mine.map((r) => r.kind))].sort(compareUtf8);
    const services = kinds.map((kind) => {
      const of = mine.filter((r) => r.kind === kind);
      return {
        kind,
        assets: [...new Set(of.map((r) => r.asset))].sort(compareUtf8),
        peopleAtRisk: Math.max(...of.map((r) => r.populationLost)),
      };
    });
    spofs.push({
      communityId,
      communityPath: mine[0].communityPath,
      name: mine[0].communityName,
      assets: [...new Set(mine.map((r) => r.asset))].sort(compareUtf8),
      services,
      peopleAtRisk: Math.max(...mine.map((r) => r.populationLost)),
    });
  }
  return spofs.sort(
    (a, b) => b.peopleAtRisk - a.peopleAtRisk || compareUtf8(a.communityPath, b.communityPath),
  );
}

/** The stored analysis as a reader at `scope` sees it (null: every community). */
export async function getN1Analysis(db: Db, scope: string | null): Promise<N1Analysis> {
  const run = await latestN1Run(db);
  if (!run) return { computedAt: null, assets: 0, links: 0, ms: null, rows: [], spofs: [] };
  const rows = await storedLosses(db, { scope });
  return {
    computedAt: run.computedAt,
    assets: run.assets,
    links: run.links,
    ms: run.ms,
    rows,
    spofs: spofsOf(rows),
  };
}

/** Recomputes and stores the analysis now (audited as `infrastructure.n1.run`); the reader's view of it. */
export async function runN1Analysis(db: Db, actor: InfraActor): Promise<N1Analysis> {
  await db.transaction(async (tx) => {
    await lockNetwork(tx);
    const run = await recomputeN1(tx, actor.now);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'infrastructure.n1.run',
      subjectType: 'infra_n1_run',
      subjectId: String(run.id),
      detail: { assets: run.assets, links: run.links, rows: run.rows, ms: run.ms },
    });
  });
  return getN1Analysis(db, actor.scope);
}
