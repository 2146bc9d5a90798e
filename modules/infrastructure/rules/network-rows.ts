/**
 * Admission of the network's rows (the CLI's `A.csv` and `L.csv`, the import's CSV/XLSX), cells
 * by column name: assets `id,kind,type,community,population`, links `from,to,relation`. Each
 * refusal is a short phrase naming the field, in both languages.
 */
import type { Text } from '@renxing/contracts';
import { ASSET_TYPES, type Asset, type AssetType, type Link, RELATIONS, type Relation } from './network.js';

export const REJECT_REASONS = {
  unreadable_row: { en: 'row cannot be read (an unterminated quote)', 'zh-CN': '该行无法读取（引号未闭合）' },
  id_empty: { en: 'id is empty', 'zh-CN': 'id 为空' },
  id_duplicate: { en: 'id is a duplicate', 'zh-CN': 'id 重复' },
  kind_empty: { en: 'kind is empty', 'zh-CN': 'kind（类别）为空' },
  bad_type: { en: 'type is not source, node or sink', 'zh-CN': 'type 不是 source、node 或 sink' },
  community_empty: { en: 'community is empty for a sink', 'zh-CN': '末端设施（sink）的 community 为空' },
  bad_population: {
    en: 'population is not a whole number ≥ 0',
    'zh-CN': 'population 不是大于等于 0 的整数',
  },
  unknown_from: { en: 'from is not a known asset', 'zh-CN': 'from 不是已知设施' },
  unknown_to: { en: 'to is not a known asset', 'zh-CN': 'to 不是已知设施' },
  bad_relation: { en: 'relation is not feeds or needs', 'zh-CN': 'relation 不是 feeds 或 needs' },
  feeds_across_kinds: {
    en: 'feeds links assets of different kinds',
    'zh-CN': 'feeds 连接了不同类别的设施',
  },
} as const satisfies Record<string, Text>;

export type RejectReason = keyof typeof REJECT_REASONS;

export type AssetCells = Partial<Record<'id' | 'kind' | 'type' | 'community' | 'population', string>>;
export type LinkCells = Partial<Record<'from' | 'to' | 'relation', string>>;

const trim = (s: string | undefined): string => (s ?? '').trim();
const WHOLE = /^[0-9]+$/;

/**
 * An asset row, or why it is refused. `seen` holds the ids admitted so far; an admitted id is
 * added to it (so a later row with that id is a duplicate; a refused row's id is not taken).
 * Community and population are read for sinks only (ignored for sources and nodes).
 */
export function admitAssetRow(
  cells: AssetCells,
  seen: Set<string>,
): { asset: Asset; reason?: undefined } | { reason: RejectReason; asset?: undefined } {
  const id = trim(cells.id);
  if (id === '') return { reason: 'id_empty' };
  if (seen.has(id)) return { reason: 'id_duplicate' };
  const kind = trim(cells.kind);
  if (kind === '') return { reason: 'kind_empty' };
  const type = trim(cells.type).toLowerCase();
  if (!(ASSET_TYPES as readonly string[]).includes(type)) return { reason: 'bad_type' };
  let community: string | null = null;
  let population = 0;
  if (type === 'sink') {
    community = trim(cells.community);
    if (community === '') return { reason: 'community_empty' };
    const p = trim(cells.population);
    if (!WHOLE.test(p) || !Number.isSafeInteger(Number(p))) return { reason: 'bad_population' };
    population = Number(p);
  }
  seen.add(id);
  return { asset: { id, kind, type: type as AssetType, community, population } };
}

/** A link row between admitted assets, or why it is refused. */
export function admitLinkRow(
  cells: LinkCells,
  assetsById: ReadonlyMap<string, Asset>,
): { link: Link; reason?: undefined } | { reason: RejectReason; link?: undefined } {
  const from = assetsById.get(trim(cells.from));
  if (!from) return { reason: 'unknown_from' };
  const to = assetsById.get(trim(cells.to));
  if (!to) return { reason: 'unknown_to' };
  const relation = trim(cells.relation).toLowerCase();
  if (!(RELATIONS as readonly string[]).includes(relation)) return { reason: 'bad_relation' };
  if (relation === 'feeds' && from.kind !== to.kind) return { reason: 'feeds_across_kinds' };
  return { link: { from: from.id, to: to.id, relation: relation as Relation } };
}
