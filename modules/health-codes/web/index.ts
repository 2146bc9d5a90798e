export { HealthCodeCard } from './HealthCodeCard.js';
export { OverridePanel } from './OverridePanel.js';
