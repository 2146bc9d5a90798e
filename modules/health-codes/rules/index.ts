export * from './admission.js';
export * from './explain.js';
export { formatDuration, formatInstant } from './format.js';
export * from './idempotency.js';
export * from './overrides.js';
export { addTest, clearingNegatives, isolationRelease, negativeChain } from './pcr.js';
export * from './presets.js';
export * from './rules.js';
export * from './types.js';
