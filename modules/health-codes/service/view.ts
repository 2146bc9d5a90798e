/**
 * A person's health code as it is shown: the colour, since when, why and what turns it green in
 * a locale (the domain's `explain`), the structured reason, the history of changes, and the
 * pending override requests. Time rules due by `now` are applied first (and stored), so a code
 * whose isolation or monitoring ended reads green.
 */
import type { Locale } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { type Explanation, explain } from '../rules/explain.js';
import type { Colour, PersonReason } from '../rules/types.js';
import type { StoredHealthCodeTransition } from '../store/health-codes.js';
import { pendingOverridesOf, type StoredOverrideRequest } from '../store/override-requests.js';
import { loadHealthCode, presetOf, settleHealthCode, toTransition } from './apply.js';

export interface HealthCodeView {
  personId: string;
  colour: Colour;
  /** Epoch seconds; null: green from the start. */
  since: number | null;
  /** The preset the rules are applied under. */
  preset: string;
  reason: PersonReason;
  locale: Locale;
  explanation: Explanation;
  /** Oldest first. */
  history: StoredHealthCodeTransition[];
  pendingOverrides: StoredOverrideRequest[];
}

export async function healthCodeView(
  db: Db,
  personId: string,
  options: { preset: string; locale: Locale; now: number },
): Promise<HealthCodeView> {
  const preset = presetOf(options.preset);
  await settleHealthCode(db, personId, options.now, { preset: preset.id });
  const [{ state, history }, pendingOverrides] = await Promise.all([
    loadHealthCode(db, personId, preset.id),
    pendingOverridesOf(db, personId),
  ]);
  return {
    personId,
    colour: state.colour,
    since: state.since,
    preset: preset.id,
    reason: state.reason,
    locale: options.locale,
    explanation: explain(state, history.map(toTransition), options.locale, { preset }),
    history,
    pendingOverrides,
  };
}
