export * from './core/index.js';
export * from './nats/index.js';
export * from './status.js';
