/** What other modules' screens may use of the health-codes screens. */
import { ACCESS } from '../access.js';

export { HealthCodeCard } from './HealthCodeCard.js';
export { OverridePanel } from './OverridePanel.js';

/** Who may request and decide overrides (requestOverride, approveOverride). */
export const OVERRIDERS = ACCESS.requestOverride;
