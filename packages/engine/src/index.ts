export * from './params.js';
export * from './run.js';
