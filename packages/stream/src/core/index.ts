export * from './fanout.js';
export * from './partition.js';
export { ShardAnswerError } from './query-wire.js';
export * from './retention.js';
export * from './shard-index.js';
export * from './stay-builder.js';
export * from './types.js';
export * from './wire.js';
