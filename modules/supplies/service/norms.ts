/**
 * Norms per resident (masks 3 a person, drinking water 9 L a person) as their source sets them:
 * an emergency plan's newest published version (`plan:<id>`), an activated incident level
 * (`incident:<id>`), the demo. Setting a source's norms replaces all of them ([] clears them); the
 * gaps read whatever is set. One transaction with its audit row.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isPlacePath } from '@renxing/modules/places';
import '../errors.js';
import { itemsByCode } from '../store/items.js';
import { deleteNorms, insertNorms, lockSource, type NormInput, unknownPaths } from '../store/norms.js';

export type { NormInput };

/** The largest norm per resident (a generator per resident would be 1). */
export const MAX_PER_RESIDENT = 1_000_000;

function check(source: string, norms: readonly NormInput[]): void {
  if (source.trim() === '' || source.length > 200)
    throw invalid('source', { en: 'a source of 1 to 200 characters', 'zh-CN': '来源须为 1 至 200 个字符' });
  for (const [k, n] of norms.entries()) {
    if (!(Number.isFinite(n.perResident) && n.perResident > 0 && n.perResident <= MAX_PER_RESIDENT))
      throw invalid(`norms.${k}.perResident`, {
        en: `a number above 0 and at most ${MAX_PER_RESIDENT}`,
        'zh-CN': `须为大于 0、不超过 ${MAX_PER_RESIDENT} 的数`,
      });
    if (n.places.length === 0 || n.places.some((p) => !isPlacePath(p)))
      throw invalid(`norms.${k}.places`, {
        en: 'one or more place paths (cq.yz.jd01)',
        'zh-CN': '须为一个或多个地点路径（如 cq.yz.jd01）',
      });
  }
}

/**
 * Replaces every norm of `source` by `norms` (item codes of the catalogue, places covered: the
 * communities at or under them); [] clears the source. RX_SUPPLY_UNKNOWN_ITEM or RX_UNKNOWN_PLACE
 * when one names what does not exist (nothing changes then).
 */
export async function setSupplyNorms(
  db: Db,
  source: string,
  norms: { item: string; perResident: number; places: string[] }[],
  o: { actor?: string; at?: Date } = {},
): Promise<void> {
  check(source, norms);
  const items = await itemsByCode(
    db,
    norms.map((n) => n.item),
  );
  const missing = norms.find((n) => !items.has(n.item));
  if (missing) throw new RenxingError('RX_SUPPLY_UNKNOWN_ITEM', { item: missing.item }, 'norms');
  const unknown = await unknownPaths(
    db,
    norms.flatMap((n) => n.places),
  );
  if (unknown.length > 0) throw new RenxingError('RX_UNKNOWN_PLACE', { place: unknown.join(', ') }, 'norms');
  const at = o.at ?? new Date();
  await db.transaction(async (tx) => {
    await lockSource(tx, source);
    const removed = await deleteNorms(tx, source);
    await insertNorms(tx, source, norms, at);
    await appendAudit(tx, {
      actor: o.actor ?? `system:${source}`.slice(0, 200),
      action: 'supplies.norms.set',
      subjectType: 'supply_norms',
      subjectId: source,
      detail: {
        removed,
        norms: norms
          .slice(0, 500)
          .map((n) => ({ item: n.item, perResident: n.perResident, places: n.places })),
        count: norms.length,
      },
    });
  });
}
