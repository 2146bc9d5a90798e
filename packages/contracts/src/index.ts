export * from './city-date.js';
export * from './csv.js';
export * from './errors.js';
export * from './indicators.js';
export * from './input.js';
export * from './locale.js';
export * from './roles.js';
