/**
 * The network as readers see it, and its changes one at a time.
 *
 * Scope: a reader sees the assets that stand at or under their place, or that are operated from a
 * place at or under it (store/network.ts `seenFrom`); a city-level reader sees every asset of the
 * city. Links are shown between assets the reader sees. Whether an asset works is judged on the
 * whole network (a district's pump works when the city's plant does) with nothing failed: an asset
 * not working then is cut off from its sources or providers as the network is drawn.
 */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { compareUtf8 } from '@renxing/engine';
import { isWithin } from '@renxing/modules/places';
import '../errors.js';
import type { AssetType, Link, Relation } from '../rules/network.js';
import type { Alarm } from '../store/alarms.js';
import { type StoredLoss, storedLosses } from '../store/n1.js';
import { allLinks, linksOf, listAssetRows, placesByRef, type StoredAsset } from '../store/network.js';
import type { Sensor } from '../store/sensors.js';
import type { InfraActor } from './actor.js';
import { assetOpenAlarms, assetSensors, assetStatuses, NO_STATUS } from './asset-status.js';
import { applyNetworkRows, type NetworkChangeSummary } from './changes.js';
import { loadGraph } from './n1.js';

export interface AssetView extends StoredAsset {
  /** It works with nothing failed. */
  working: boolean;
  /** Every sensor of it is offline. */
  offline: boolean;
  openAlarms: number;
}

/** Whether each asset works with nothing failed, by id. */
async function workingNow(db: Db): Promise<Map<string, boolean>> {
  const graph = await loadGraph(db);
  const works = graph.working([]);
  return new Map(graph.ids.map((id, i) => [id, works[i] === 1]));
}

async function views(
  db: Db,
  assets: readonly StoredAsset[],
  working: Map<string, boolean>,
): Promise<AssetView[]> {
  const statuses = await assetStatuses(
    db,
    assets.map((a) => a.id),
  );
  return assets.map((a) => ({
    ...a,
    working: working.get(a.id) ?? false,
    ...(statuses.get(a.id) ?? NO_STATUS),
  }));
}

export interface NetworkList {
  assets: AssetView[];
  /** The links between the assets listed. */
  links: Link[];
  /** The kinds of the assets the reader sees (whatever the filter), in byte order. */
  kinds: string[];
}

/** A place id the reader may filter by: one at or under their place, else RX_NOT_FOUND. */
async function placeWithin(db: Db, placeId: string, scope: string | null): Promise<string> {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const place = UUID.test(placeId)
    ? (await placesByRef(db, { ids: [placeId], paths: [] })).get(placeId)
    : undefined;
  if (!place || (scope !== null && !isWithin(place.path, scope))) throw new RenxingError('RX_NOT_FOUND');
  return place.path;
}

/** listAssets: the assets the reader sees (of a kind, standing at or under a place), links, kinds. */
export async function listAssets(
  db: Db,
  scope: string | null,
  f: { kind?: string; placeId?: string } = {},
): Promise<NetworkList> {
  const under = f.placeId === undefined ? undefined : await placeWithin(db, f.placeId, scope);
  const all = await listAssetRows(db, { scope });
  const listed = all.filter(
    (a) =>
      (f.kind === undefined || a.kind === f.kind) && (under === undefined || isWithin(a.placePath, under)),
  );
  const ids = new Set(listed.map((a) => a.id));
  const links = (await linksAmong(db, ids)).sort(
    (a, b) => compareUtf8(a.from, b.from) || compareUtf8(a.to, b.to) || compareUtf8(a.relation, b.relation),
  );
  return {
    assets: await views(db, listed, await workingNow(db)),
    links,
    kinds: [...new Set(all.map((a) => a.kind))].sort(compareUtf8),
  };
}

async function linksAmong(db: Db, ids: ReadonlySet<string>): Promise<Link[]> {
  return (await allLinks(db)).filter((l) => ids.has(l.from) && ids.has(l.to));
}

/** The other end of one of an asset's links. */
export interface LinkEnd {
  id: string;
  name: string;
  kind: string;
  type: AssetType;
  relation: Relation;
  working: boolean;
}

export interface AssetPage {
  asset: AssetView;
  /** Links into it: what feeds it, what it needs. */
  upstream: LinkEnd[];
  /** Links out of it: what it feeds, who needs it. */
  downstream: LinkEnd[];
  sensors: Sensor[];
  /** Its alarms raised and not cleared, newest first. */
  alarms: Alarm[];
  /** The stored N-1 rows of its failure: the communities (anywhere) that lose a service, and the people there. */
  impact: StoredLoss[];
}

/** getAsset: an asset the reader sees, else RX_NO_SUCH_ASSET. */
export async function getAsset(db: Db, scope: string | null, id: string): Promise<AssetPage> {
  const [asset] = await listAssetRows(db, { scope, ids: [id] });
  if (!asset) throw new RenxingError('RX_NO_SUCH_ASSET', { asset: id });
  const links = await linksOf(db, id);
  const others = new Map(
    (await listAssetRows(db, { scope: null, ids: links.flatMap((l) => [l.from, l.to]) })).map((a) => [
      a.id,
      a,
    ]),
  );
  const working = await workingNow(db);
  const end = (otherId: string, relation: Relation): LinkEnd => {
    const o = others.get(otherId)!;
    return {
      id: o.id,
      name: o.name,
      kind: o.kind,
      type: o.type,
      relation,
      working: working.get(o.id) ?? false,
    };
  };
  const [view] = await views(db, [asset], working);
  return {
    asset: view,
    upstream: links.filter((l) => l.to === id).map((l) => end(l.from, l.relation)),
    downstream: links.filter((l) => l.from === id).map((l) => end(l.to, l.relation)),
    sensors: await assetSensors(db, id),
    alarms: await assetOpenAlarms(db, id),
    impact: await storedLosses(db, { scope: null, asset: id }),
  };
}

/** One asset as cells of an assets table (see service/import.ts for the columns). */
export interface AssetInput {
  id: string;
  kind: string;
  type: AssetType;
  name?: string;
  community?: string | null;
  population?: number;
  place?: string | null;
  operator?: string | null;
  lon?: number | null;
  lat?: number | null;
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** Creates or replaces one asset within the caller's reach (audited as `infrastructure.asset.save`; N-1 recomputed). */
export async function saveAsset(db: Db, actor: InfraActor, a: AssetInput): Promise<NetworkChangeSummary> {
  const cells = {
    id: a.id,
    kind: a.kind,
    type: a.type,
    name: text(a.name),
    community: text(a.community),
    population: text(a.population ?? 0),
    place: text(a.place),
    operator: text(a.operator),
    lon: text(a.lon),
    lat: text(a.lat),
  };
  return applyNetworkRows(
    db,
    actor,
    { assets: [{ at: { line: 1 }, cells }], links: [] },
    { action: 'infrastructure.asset.save', detail: { asset: a.id }, strict: true },
  );
}

/** Adds one link between assets the caller sees (audited as `infrastructure.link.save`; N-1 recomputed). */
export async function saveLink(db: Db, actor: InfraActor, l: Link): Promise<NetworkChangeSummary> {
  return applyNetworkRows(
    db,
    actor,
    { assets: [], links: [{ at: { line: 1 }, cells: { from: l.from, to: l.to, relation: l.relation } }] },
    { action: 'infrastructure.link.save', detail: { link: l }, strict: true },
  );
}

/** Deletes one asset the caller sees, with its links (audited as `infrastructure.asset.delete`; N-1 recomputed). */
export async function removeAsset(db: Db, actor: InfraActor, id: string): Promise<NetworkChangeSummary> {
  if (!(await listAssetRows(db, { scope: actor.scope, ids: [id] })).length)
    throw new RenxingError('RX_NO_SUCH_ASSET', { asset: id });
  const s = await applyNetworkRows(
    db,
    actor,
    { assets: [], links: [], removeAssets: [id] },
    { action: 'infrastructure.asset.delete', detail: { asset: id } },
  );
  if (s.deleted === 0) throw new RenxingError('RX_NO_SUCH_ASSET', { asset: id });
  return s;
}

/** Deletes one link between assets the caller sees (audited as `infrastructure.link.delete`; N-1 recomputed). */
export async function removeLink(db: Db, actor: InfraActor, l: Link): Promise<NetworkChangeSummary> {
  return applyNetworkRows(
    db,
    actor,
    { assets: [], links: [], removeLinks: [l] },
    { action: 'infrastructure.link.delete', detail: { link: l } },
  );
}
