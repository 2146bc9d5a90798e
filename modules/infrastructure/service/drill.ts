/**
 * runDrill: fail a set of assets at once — named by id, or every asset standing inside an area
 * (a flood zone: a polygon of [lon, lat], rules/polygon.ts), or both — and see what it takes away:
 * the contract's drill rows (shared/contracts/infrastructure.md), the communities that lose a
 * service with their people, and the shelters and supply stores in those communities (read
 * through the shelters and supplies modules). Nothing is changed; the drill is audited
 * (`infrastructure.drill`) as the record of who exercised what.
 *
 * Scope: the drill fails assets the caller sees (an id they do not see reads as no such asset; the
 * area picks only assets they see, and only located ones); the failure spreads over the whole
 * network, and the caller is shown the communities at or under their place. A community's
 * `people` is the largest population lost of its services: at least that many people there lose a
 * service (the sinks of different kinds may serve the same people, so they are not added up).
 */
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { compareUtf8 } from '@renxing/engine';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin } from '@renxing/modules/places';
import { sheltersUnder } from '@renxing/modules/shelters';
import { listSupplyStores } from '@renxing/modules/supplies';
import '../errors.js';
import { drillRows } from '../rules/network.js';
import { idsInside, type LonLat } from '../rules/polygon.js';
import { listAssetRows, placesByRef } from '../store/network.js';
import { auditActor, type InfraActor } from './actor.js';
import { loadGraph } from './n1.js';

export interface DrillInput {
  assetIds?: readonly string[];
  /** A ring of at least 3 [lon, lat] vertices. */
  polygon?: readonly LonLat[];
}

export interface DrillLoss {
  /** The failed set, ids joined by `+`. */
  asset: string;
  kind: string;
  community: string;
  communityPath: string;
  communityName: string;
  populationLost: number;
}

export interface DrillCommunity {
  communityId: string;
  path: string;
  name: string;
  /** The largest population lost of its services. */
  people: number;
  /** The services it loses, in byte order. */
  kinds: string[];
  services: { kind: string; populationLost: number }[];
}

export interface DrillShelter {
  id: string;
  name: string;
  /** The affected community it stands in. */
  communityId: string;
  place: string;
  placeName: string;
  state: string;
  capacityDay: number;
  capacityNight: number;
  occupancy: number;
  lon: number;
  lat: number;
}

export interface DrillStore {
  id: string;
  name: string;
  communityId: string;
  place: string;
  placeName: string;
}

export interface DrillResult {
  /** The failed assets' ids: those named (in the given order), then those inside the area (id order). */
  failed: string[];
  assets: { id: string; name: string; kind: string; type: string; placePath: string; placeName: string }[];
  rows: DrillLoss[];
  /** Most people first, then by path. */
  communities: DrillCommunity[];
  shelters: DrillShelter[];
  stores: DrillStore[];
}

export async function runDrill(db: Db, actor: InfraActor, input: DrillInput): Promise<DrillResult> {
  const named = [...(input.assetIds ?? [])];
  if (named.length === 0 && input.polygon === undefined)
    throw invalid('body', {
      en: 'name the assets to fail (assetIds) or draw an area (polygon)',
      'zh-CN': '请指定要失效的设施（assetIds）或划定区域（polygon）',
    });
  for (const [i, [lon, lat]] of (input.polygon ?? []).entries())
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90))
      throw invalid(`body.polygon.${i}`, {
        en: 'not a [lon, lat] location',
        'zh-CN': '不是有效的[经度, 纬度]位置',
      });
  if (input.polygon !== undefined && input.polygon.length < 3)
    throw invalid('body.polygon', {
      en: 'an area needs at least 3 vertices',
      'zh-CN': '区域至少需要 3 个顶点',
    });
  const seen = await listAssetRows(db, { scope: actor.scope });
  const byId = new Map(seen.map((a) => [a.id, a]));
  for (const id of named)
    if (!byId.has(id)) throw new RenxingError('RX_NO_SUCH_ASSET', { asset: id }, 'body.assetIds');
  const inside = input.polygon ? idsInside(seen, input.polygon) : [];
  const failed = [...new Set([...named, ...inside])];

  const graph = await loadGraph(db);
  const raw = failed.length > 0 ? drillRows(graph, failed) : [];
  const places = await placesByRef(db, { ids: raw.map((r) => r.community), paths: [] });
  const rows: DrillLoss[] = raw.flatMap((r) => {
    const c = places.get(r.community);
    if (!c || (actor.scope !== null && !isWithin(c.path, actor.scope))) return [];
    return [{ ...r, communityPath: c.path, communityName: c.name }];
  });

  const byCommunity = new Map<string, DrillLoss[]>();
  for (const r of rows) byCommunity.set(r.community, [...(byCommunity.get(r.community) ?? []), r]);
  const communities: DrillCommunity[] = [...byCommunity].map(([communityId, mine]) => {
    const services = mine
      .map((r) => ({ kind: r.kind, populationLost: r.populationLost }))
      .sort((a, b) => compareUtf8(a.kind, b.kind));
    return {
      communityId,
      path: mine[0].communityPath,
      name: mine[0].communityName,
      people: Math.max(...services.map((s) => s.populationLost)),
      kinds: services.map((s) => s.kind),
      services,
    };
  });
  communities.sort((a, b) => b.people - a.people || compareUtf8(a.path, b.path));

  const shelters: DrillShelter[] = [];
  const stores: DrillStore[] = [];
  for (const c of [...communities].sort((a, b) => compareUtf8(a.path, b.path))) {
    for (const s of await sheltersUnder(db, c.path))
      shelters.push({
        id: s.id,
        name: s.name,
        communityId: c.communityId,
        place: s.place,
        placeName: s.placeName,
        state: s.state,
        capacityDay: s.capacityDay,
        capacityNight: s.capacityNight,
        occupancy: s.occupancy,
        lon: s.lon,
        lat: s.lat,
      });
    for (const s of await listSupplyStores(db, c.path))
      stores.push({
        id: s.id,
        name: s.name,
        communityId: c.communityId,
        place: s.placePath,
        placeName: s.placeName,
      });
  }

  await db.transaction((tx) =>
    appendAudit(tx, {
      actor: auditActor(actor),
      action: 'infrastructure.drill',
      subjectType: 'infra_network',
      subjectId: null,
      detail: {
        assetIds: named,
        polygon: input.polygon ?? null,
        failed,
        communities: communities.length,
        people: communities.reduce((n, c) => n + c.people, 0),
      },
    }),
  );
  return {
    failed,
    assets: failed.map((id) => {
      const a = byId.get(id)!;
      return { id, name: a.name, kind: a.kind, type: a.type, placePath: a.placePath, placeName: a.placeName };
    }),
    rows,
    communities,
    shelters,
    stores,
  };
}
