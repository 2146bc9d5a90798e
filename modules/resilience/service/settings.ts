/** The city's indicators: listResilienceIndicators and updateResilienceIndicator (switching one on or off). */
import { RenxingError, type Text } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { runOf } from '../store/runs.js';
import { setDisabled } from '../store/settings.js';
import { countsOn } from '../store/values.js';
import { auditActor, type ResilienceActor } from './actor.js';
import { type CatalogueEntry, type Definition, readCatalogue } from './catalogue.js';

/** An indicator as the city's settings show it. */
export interface ResilienceIndicator {
  key: string;
  mechanism: CatalogueEntry['mechanism'];
  trait: CatalogueEntry['trait'];
  direction: CatalogueEntry['direction'];
  unit: string;
  title: Text;
  definition: Text;
  source: 'platform' | 'city';
  enabled: boolean;
  /** Communities with a value in the latest run. */
  communities: number;
}

const view = (e: CatalogueEntry, counts: Map<string, number>): ResilienceIndicator => ({
  key: e.key,
  mechanism: e.mechanism,
  trait: e.trait,
  direction: e.direction,
  unit: e.unit,
  title: e.title,
  definition: e.definition,
  source: e.source,
  enabled: e.enabled,
  communities: counts.get(e.key) ?? 0,
});

async function latestCounts(db: Db): Promise<Map<string, number>> {
  const run = await runOf(db);
  return run ? countsOn(db, run.date) : new Map();
}

export async function listResilienceIndicators(
  db: Db,
  _actor: ResilienceActor,
  o: { platform?: readonly Definition[] } = {},
): Promise<{ indicators: ResilienceIndicator[]; hazards: string[] }> {
  const catalogue = await readCatalogue(db, o.platform);
  const counts = await latestCounts(db);
  return { indicators: catalogue.entries.map((e) => view(e, counts)), hazards: catalogue.hazards };
}

/** Switches an indicator on or off for the next computations (audited when it changes). */
export async function updateResilienceIndicator(
  db: Db,
  key: string,
  change: { enabled: boolean },
  actor: ResilienceActor,
  o: { platform?: readonly Definition[] } = {},
): Promise<ResilienceIndicator> {
  return db.transaction(async (tx) => {
    const before = (await readCatalogue(tx, o.platform)).byKey.get(key);
    if (!before) throw new RenxingError('RX_RESILIENCE_UNKNOWN_INDICATOR', { key });
    const changed = await setDisabled(tx, key, change.enabled, { userId: actor.userId, at: actor.now });
    if (changed)
      await appendAudit(tx, {
        actor: auditActor(actor),
        action: change.enabled ? 'resilience.indicator.enable' : 'resilience.indicator.disable',
        subjectType: 'resilience_indicator',
        subjectId: key,
        detail: { source: before.source },
      });
    return view({ ...before, enabled: change.enabled }, await latestCounts(tx));
  });
}
