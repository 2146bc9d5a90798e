/**
 * What an import of the network reads beyond the contract's columns (rules/network-rows.ts admits
 * `id,kind,type,community,population` and `from,to,relation`): an asset's name, its place, its
 * operator and its location; and GeoJSON features turned into the same cells. Pure.
 *
 * Columns of an assets table: id, kind, type, community, population (the contract's), and
 * optionally name (default: the id), place and operator (a place path such as `cq.yz.jd01` or a
 * place id; see service/import.ts for their defaults), lon and lat (both or neither).
 *
 * GeoJSON: a FeatureCollection. A Point feature is an asset (its properties as the columns above,
 * its coordinates its location); a LineString feature is a link (properties from, to and relation,
 * `feeds` when no relation is given; its coordinates are only a drawing and are not kept). Other
 * features are refused by their index in `features` (from 0).
 */
import { type Text, textProblem } from '@renxing/contracts';

export const MAX_ID = 64;
export const MAX_KIND = 32;
export const MAX_NAME = 200;

export const FILE_REJECT_REASONS = {
  id_too_long: { en: `id is longer than ${MAX_ID} characters`, 'zh-CN': `id 超过 ${MAX_ID} 个字符` },
  kind_too_long: {
    en: `kind is longer than ${MAX_KIND} characters`,
    'zh-CN': `kind（类别）超过 ${MAX_KIND} 个字符`,
  },
  name_too_long: {
    en: `name is longer than ${MAX_NAME} characters`,
    'zh-CN': `name（名称）超过 ${MAX_NAME} 个字符`,
  },
  bad_location: {
    en: 'lon and lat are not a location (both numbers, lon −180…180, lat −90…90, or both empty)',
    'zh-CN': 'lon、lat 不是有效位置（须同时为数字，经度 −180…180、纬度 −90…90，或同时为空）',
  },
  unknown_community: {
    en: 'community is not a community within your place (a place path or id)',
    'zh-CN': 'community 不是您辖区内的社区（地点路径或编号）',
  },
  unknown_place: {
    en: 'place is not a place within yours (a place path or id)',
    'zh-CN': 'place 不是您辖区内的地点（地点路径或编号）',
  },
  unknown_operator: {
    en: 'operator is not a place within yours or above the asset (a place path or id)',
    'zh-CN': 'operator（运维单位所在地点）不是您辖区内或设施上级的地点',
  },
  asset_out_of_reach: {
    en: 'an asset with this id belongs to a place outside yours',
    'zh-CN': '该 id 的设施属于您辖区以外的地点',
  },
  bad_text: {
    en: 'a cell holds a NUL character or a lone UTF-16 surrogate',
    'zh-CN': '某个单元格含有 NUL 字符或孤立的 UTF-16 代理项',
  },
  not_a_feature: { en: 'not a GeoJSON Feature', 'zh-CN': '不是 GeoJSON 要素（Feature）' },
  unsupported_geometry: {
    en: 'geometry is neither a Point (an asset) nor a LineString (a link)',
    'zh-CN': '几何类型既不是点（设施）也不是线（连接）',
  },
} as const satisfies Record<string, Text>;

export type FileRejectReason = keyof typeof FILE_REJECT_REASONS;

/** The optional columns of an assets table. */
export const ASSET_EXTRA_COLUMNS = ['name', 'place', 'operator', 'lon', 'lat'] as const;
export type AssetExtraCells = Partial<Record<(typeof ASSET_EXTRA_COLUMNS)[number], string>>;

/** What an asset row gives beyond the contract's columns; places still as written (resolved by the service). */
export interface AssetFields {
  name: string;
  /** A place path or id as written, or null when not given. */
  place: string | null;
  operator: string | null;
  lon: number | null;
  lat: number | null;
}

const trim = (s: string | undefined): string => (s ?? '').trim();

/** A location from two cells: both numbers in range, or both empty (no location). */
export function lonLat(lonText: string, latText: string): { lon: number | null; lat: number | null } | null {
  const [a, b] = [lonText.trim(), latText.trim()];
  if (a === '' && b === '') return { lon: null, lat: null };
  const lon = Number(a);
  const lat = Number(b);
  if (a === '' || b === '' || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return null;
  return { lon, lat };
}

/** Whether any cell holds text that cannot be stored (a NUL, a lone surrogate). */
export function badCells(cells: Readonly<Record<string, string>>): boolean {
  return Object.values(cells).some((c) => textProblem(c) !== null);
}

/** An admitted asset row's other cells (`id` and `kind` as admitted), or why it is refused. */
export function admitAssetFields(
  id: string,
  kind: string,
  cells: AssetExtraCells,
): { fields: AssetFields; reason?: undefined } | { reason: FileRejectReason; fields?: undefined } {
  if (id.length > MAX_ID) return { reason: 'id_too_long' };
  if (kind.length > MAX_KIND) return { reason: 'kind_too_long' };
  const name = trim(cells.name) || id;
  if (name.length > MAX_NAME) return { reason: 'name_too_long' };
  const at = lonLat(cells.lon ?? '', cells.lat ?? '');
  if (!at) return { reason: 'bad_location' };
  return {
    fields: { name, place: trim(cells.place) || null, operator: trim(cells.operator) || null, ...at },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PATH = /^[a-z0-9_]{1,32}(\.[a-z0-9_]{1,32})*$/;

/** How a cell names a place: by its id (a UUID), by its path, or not at all. */
export function placeRef(text: string): { id: string } | { path: string } | null {
  if (UUID.test(text)) return { id: text.toLowerCase() };
  if (PATH.test(text)) return { path: text };
  return null;
}

/** A GeoJSON feature as rows: an asset's cells with its location, a link's cells, or a refusal. */
export type FeatureRow =
  | { index: number; what: 'asset'; cells: Record<string, string> }
  | { index: number; what: 'link'; cells: Record<string, string> }
  | { index: number; what?: undefined; reason: FileRejectReason };

/** A property as a cell: text as it is, a number or boolean written out, anything else empty. */
function cell(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A FeatureCollection's features as rows, in their order; or why the document is not one (the
 * import refuses the whole file then).
 */
export function featureRows(doc: unknown): { rows: FeatureRow[] } | { error: Text } {
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    return {
      error: {
        en: 'not a GeoJSON FeatureCollection',
        'zh-CN': '不是 GeoJSON 要素集合（FeatureCollection）',
      },
    };
  const rows: FeatureRow[] = doc.features.map((f: unknown, index): FeatureRow => {
    if (!isObject(f) || f.type !== 'Feature') return { index, reason: 'not_a_feature' };
    const props = isObject(f.properties) ? f.properties : {};
    const cells = Object.fromEntries(
      Object.entries(props).map(([k, v]) => [k.trim().toLowerCase(), cell(v)]),
    );
    const g = isObject(f.geometry) ? f.geometry : null;
    if (g?.type === 'Point') {
      const c = g.coordinates;
      if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number')
        return { index, reason: 'bad_location' };
      return { index, what: 'asset', cells: { ...cells, lon: String(c[0]), lat: String(c[1]) } };
    }
    if (g?.type === 'LineString')
      return { index, what: 'link', cells: { ...cells, relation: cells.relation?.trim() || 'feeds' } };
    return { index, reason: 'unsupported_geometry' };
  });
  return { rows };
}
