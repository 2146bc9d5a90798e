export * from './errors.js';
export * from './locale.js';
