/**
 * Changes of the network: rows of assets and links (from a file, or one at a time) admitted by the
 * rules, their places resolved, then written in one transaction with one audit row, the N-1
 * analysis recomputed and stored in that same transaction ("after every change of the network").
 *
 * An asset's places, written as a place path (`cq.yz.jd01.sq01`) or a place id:
 * - `community` (sinks): a community-level place within the caller's.
 * - `place`: the finest place it stands in, within the caller's. Default: a sink's community; else
 *   its operator's place when one is given; else the caller's own place (the city for the system).
 * - `operator`: the place whose inbox gets its alarms, within the caller's or above the asset's
 *   place (a city-wide company may run a district's substation). Default: the district its place
 *   lies in (the place itself when it is a district); the city for an asset placed at the city.
 * An id already stored for an asset the caller does not see is refused (asset_out_of_reach).
 * Rows that cannot be used come back as rejects with their line (a table) or feature index
 * (GeoJSON); the rest is kept. The same rows again change nothing (and leave the analysis as it is).
 */
import { invalid, type Text } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin, pathPrefixes } from '@renxing/modules/places';
import type { Asset, Link } from '../rules/network.js';
import {
  admitAssetFields,
  badCells,
  FILE_REJECT_REASONS,
  type FileRejectReason,
  placeRef,
} from '../rules/network-file.js';
import { admitAssetRow, admitLinkRow, REJECT_REASONS, type RejectReason } from '../rules/network-rows.js';
import {
  type AssetRecord,
  cityPlaces,
  deleteAssets,
  deleteLinks,
  insertLinks,
  listAssetRows,
  lockNetwork,
  type PlaceRef,
  placesByRef,
  removeCrossKindFeeds,
  upsertAssets,
} from '../store/network.js';
import { auditActor, type InfraActor } from './actor.js';
import { recomputeN1 } from './n1.js';

/** Where a row came from: a table's line, or a GeoJSON feature's index (from 0). */
export type RowAt = { line: number; feature?: undefined } | { feature: number; line?: undefined };

export interface CellRow {
  at: RowAt;
  cells: Record<string, string>;
}

export type NetworkRejectReason = RejectReason | FileRejectReason;

export interface NetworkReject {
  line?: number;
  feature?: number;
  reason: NetworkRejectReason;
  message: Text;
}

export const NETWORK_REJECT_REASONS: Record<NetworkRejectReason, Text> = {
  ...REJECT_REASONS,
  ...FILE_REJECT_REASONS,
};

export const reject = (at: RowAt, reason: NetworkRejectReason): NetworkReject => ({
  ...at,
  reason,
  message: NETWORK_REJECT_REASONS[reason],
});

export interface NetworkChangeSummary {
  assets: { created: number; updated: number; unchanged: number };
  links: { created: number; unchanged: number; removed: number };
  /** Assets deleted (with their links). */
  deleted: number;
  rejects: NetworkReject[];
  /** The analysis stored by this change; null when nothing changed. */
  n1: { computedAt: Date; rows: number } | null;
}

export type Phase = 'checking' | 'writing' | 'n-1';

export interface ChangeOptions {
  /** For the audit row: `infrastructure.import`, `infrastructure.asset.save`, … */
  action: string;
  detail?: Record<string, unknown>;
  onProgress?: (phase: Phase, done: number, total: number) => void;
  /** Any reject refuses the whole change (RX_VALIDATION with its reason) before anything is written. */
  strict?: boolean;
}

/** The assets a caller at `scope` sees, as the rules take them (for links between them). */
async function seenAssets(db: Db, scope: string | null): Promise<Map<string, Asset>> {
  const rows = await listAssetRows(db, { scope });
  return new Map(
    rows.map((a) => [
      a.id,
      { id: a.id, kind: a.kind, type: a.type, community: a.communityId, population: a.population },
    ]),
  );
}

/** The district a place lies in (itself when it is one), else its city. */
function defaultOperator(place: PlaceRef, places: Map<string, PlaceRef>): PlaceRef | undefined {
  const chain = pathPrefixes(place.path).map((p) => places.get(p));
  return chain.find((p) => p?.level === 'district') ?? chain[0];
}

/**
 * Admits asset rows and link rows (links may join assets of the same rows), resolves places, and
 * writes what is admitted: one transaction, one audit row, the N-1 analysis recomputed when the
 * network changed.
 */
export async function applyNetworkRows(
  db: Db,
  actor: InfraActor,
  input: {
    assets: readonly CellRow[];
    links: readonly CellRow[];
    removeAssets?: string[];
    removeLinks?: Link[];
  },
  o: ChangeOptions,
): Promise<NetworkChangeSummary> {
  const rejects: NetworkReject[] = [];
  const total = input.assets.length + input.links.length;
  o.onProgress?.('checking', 0, total);

  // 1. The rules admit each asset row; its other cells next.
  const seen = new Set<string>();
  const admitted: {
    at: RowAt;
    asset: Asset;
    fields: NonNullable<ReturnType<typeof admitAssetFields>['fields']>;
  }[] = [];
  for (const r of input.assets) {
    if (badCells(r.cells)) {
      rejects.push(reject(r.at, 'bad_text'));
      continue;
    }
    const a = admitAssetRow(r.cells, seen);
    if (a.reason !== undefined) {
      rejects.push(reject(r.at, a.reason));
      continue;
    }
    const f = admitAssetFields(a.asset.id, a.asset.kind, r.cells);
    if (f.reason !== undefined) {
      seen.delete(a.asset.id);
      rejects.push(reject(r.at, f.reason));
      continue;
    }
    admitted.push({ at: r.at, asset: a.asset, fields: f.fields });
  }

  // 2. Their places, in two queries: the places named, then the chains above them.
  const refs = { ids: [] as string[], paths: [] as string[] };
  const note = (text: string | null) => {
    const ref = text === null ? null : placeRef(text);
    if (ref && 'id' in ref) refs.ids.push(ref.id);
    else if (ref) refs.paths.push(ref.path);
  };
  for (const a of admitted) {
    note(a.asset.community);
    note(a.fields.place);
    note(a.fields.operator);
  }
  const cities = actor.scope === null ? await cityPlaces(db) : [];
  if (actor.scope !== null) refs.paths.push(actor.scope);
  const named = await placesByRef(db, refs);
  const chains = await placesByRef(db, {
    ids: [],
    paths: [...new Set([...named.values(), ...cities].flatMap((p) => pathPrefixes(p.path)))],
  });
  const lookup = (text: string | null): PlaceRef | undefined => {
    const ref = text === null ? null : placeRef(text);
    return ref === null ? undefined : named.get('id' in ref ? ref.id : ref.path);
  };
  const within = (p: PlaceRef) => actor.scope === null || isWithin(p.path, actor.scope);
  const home = actor.scope === null ? (cities.length === 1 ? cities[0] : undefined) : named.get(actor.scope);

  // 3. Ids stored for assets the caller does not see are theirs to keep.
  const stored = await listAssetRows(db, { scope: null, ids: admitted.map((a) => a.asset.id) });
  const mine = await seenAssets(db, actor.scope);
  const foreign = new Set(stored.filter((s) => !mine.has(s.id)).map((s) => s.id));

  const records: AssetRecord[] = [];
  const byId = new Map(mine);
  for (const { at, asset, fields } of admitted) {
    if (foreign.has(asset.id)) {
      rejects.push(reject(at, 'asset_out_of_reach'));
      continue;
    }
    let community: PlaceRef | undefined;
    if (asset.type === 'sink') {
      community = lookup(asset.community);
      if (community?.level !== 'community' || !within(community)) {
        rejects.push(reject(at, 'unknown_community'));
        continue;
      }
    }
    const operatorGiven = fields.operator === null ? undefined : lookup(fields.operator);
    if (fields.operator !== null && !operatorGiven) {
      rejects.push(reject(at, 'unknown_operator'));
      continue;
    }
    const place = fields.place === null ? (community ?? operatorGiven ?? home) : lookup(fields.place);
    if (!place || !within(place)) {
      rejects.push(reject(at, 'unknown_place'));
      continue;
    }
    const operator = operatorGiven ?? defaultOperator(place, chains);
    if (!operator || !(within(operator) || isWithin(place.path, operator.path))) {
      rejects.push(reject(at, 'unknown_operator'));
      continue;
    }
    records.push({
      id: asset.id,
      kind: asset.kind,
      type: asset.type,
      name: fields.name,
      placeId: place.id,
      operatorPlaceId: operator.id,
      communityId: community?.id ?? null,
      population: asset.population,
      lon: fields.lon,
      lat: fields.lat,
    });
    byId.set(asset.id, { ...asset, community: community?.id ?? null });
  }

  // 4. Links between assets the caller sees, as this change leaves them.
  const links = new Map<string, Link>();
  for (const r of input.links) {
    if (badCells(r.cells)) {
      rejects.push(reject(r.at, 'bad_text'));
      continue;
    }
    const l = admitLinkRow(r.cells, byId);
    if (l.reason !== undefined) rejects.push(reject(r.at, l.reason));
    else links.set(`${l.link.from}\0${l.link.to}\0${l.link.relation}`, l.link);
  }
  const removeAssets = (input.removeAssets ?? []).filter((id) => mine.has(id));
  const removeLinks = (input.removeLinks ?? []).filter((l) => mine.has(l.from) && mine.has(l.to));
  o.onProgress?.('checking', total, total);
  if (o.strict && rejects.length > 0) throw invalid('body', rejects[0].message);

  const summary = await db.transaction(async (tx) => {
    await lockNetwork(tx);
    o.onProgress?.('writing', 0, records.length + links.size);
    const deleted = await deleteAssets(tx, removeAssets);
    const unlinked = await deleteLinks(tx, removeLinks);
    const { created, updated } = await upsertAssets(tx, records, actor.now);
    const dropped = await removeCrossKindFeeds(tx);
    const linked = await insertLinks(tx, [...links.values()], actor.now);
    o.onProgress?.('writing', records.length + links.size, records.length + links.size);
    const changed =
      deleted.length + unlinked.length + created.length + updated.length + dropped.length + linked.length > 0;
    let run: Awaited<ReturnType<typeof recomputeN1>> | null = null;
    if (changed) {
      o.onProgress?.('n-1', 0, 1);
      run = await recomputeN1(tx, actor.now);
      o.onProgress?.('n-1', 1, 1);
    }
    const counts = {
      assets: {
        created: created.length,
        updated: updated.length,
        unchanged: records.length - created.length - updated.length,
      },
      links: {
        created: linked.length,
        unchanged: links.size - linked.length,
        removed: unlinked.length + dropped.length,
      },
      deleted: deleted.length,
    };
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: o.action,
      subjectType: 'infra_network',
      subjectId: null,
      detail: {
        ...o.detail,
        ...counts,
        rejects: rejects.length,
        created: created.slice(0, 1000),
        updated: updated.slice(0, 1000),
        deletedAssets: deleted.slice(0, 1000),
        n1Run: run?.id ?? null,
      },
    });
    return { ...counts, n1: run && { computedAt: run.computedAt, rows: run.rows } };
  });
  const order = (r: NetworkReject) => r.line ?? r.feature ?? 0;
  rejects.sort((a, b) => order(a) - order(b));
  return { ...summary, rejects };
}
