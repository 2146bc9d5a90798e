/**
 * importResilienceIndicators: the city's own indicators from a file (CSV or XLSX:
 * key,mechanism,trait,direction,unit,title,title_en,definition[,definition_en]), added or updated in
 * one transaction with one audit row. A key may not be the platform's. Lines that cannot be used
 * come back with their reason; the rest is kept.
 */
import { INDICATOR_KEY, isDirection, isMechanism, isTrait } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { type CustomIndicatorRow, upsertCustomIndicators } from '../store/custom.js';
import { auditActor, type ResilienceActor } from './actor.js';
import { type Definition, PLATFORM_INDICATORS } from './catalogue.js';
import {
  type ImportOptions,
  type ImportSummary,
  type LineReject,
  readLines,
  withMessages,
} from './import-rows.js';

export const INDICATOR_COLUMNS = [
  'key',
  'mechanism',
  'trait',
  'direction',
  'unit',
  'title',
  'title_en',
  'definition',
] as const;
const OPTIONAL = ['definition_en'] as const;

export async function importResilienceIndicators(
  db: Db,
  bytes: Uint8Array,
  o: ImportOptions<ResilienceActor> & { platform?: readonly Definition[] },
): Promise<ImportSummary> {
  const { rows, lines, rejects } = await readLines(bytes, INDICATOR_COLUMNS, OPTIONAL, o);
  const platform = new Set((o.platform ?? PLATFORM_INDICATORS).map((d) => d.key));
  const kept = new Map<string, CustomIndicatorRow>();
  for (const { line, cells: c } of lines) {
    const reject = (reason: LineReject['reason']) => rejects.push({ line, reason });
    const key = c.key.toLowerCase();
    const mechanism = c.mechanism.toLowerCase();
    const trait = c.trait.toLowerCase();
    const direction = c.direction.toLowerCase();
    if (!INDICATOR_KEY.test(key) || key.length > 100) reject('bad_key');
    else if (platform.has(key)) reject('platform_key');
    else if (!isMechanism(mechanism)) reject('bad_mechanism');
    else if (!isTrait(trait)) reject('bad_trait');
    else if (!isDirection(direction)) reject('bad_direction');
    else if (c.unit === '' || c.unit.length > 40) reject('bad_unit');
    else if (c.title === '' || c.title_en === '' || c.title.length > 200 || c.title_en.length > 200)
      reject('bad_title');
    else if (c.definition.length > 2000 || c.definition_en.length > 2000) reject('bad_definition');
    else if (kept.has(key)) reject('duplicate');
    else
      kept.set(key, {
        key,
        mechanism,
        trait,
        direction,
        unit: c.unit,
        title: c.title,
        titleEn: c.title_en,
        definition: c.definition,
        definitionEn: c.definition_en === '' ? c.definition : c.definition_en,
      });
  }
  const saved = await db.transaction(async (tx) => {
    const n = await upsertCustomIndicators(tx, [...kept.values()], {
      userId: o.actor.userId,
      at: o.actor.now,
    });
    await appendAudit(tx, {
      actor: auditActor(o.actor),
      action: 'resilience.indicators.import',
      subjectType: 'resilience_indicators',
      subjectId: o.source?.file ?? 'body',
      detail: { rows, saved: n, rejects: rejects.length, keys: [...kept.keys()] },
    });
    return n;
  });
  return { rows, saved, rejects: withMessages(rejects) };
}
