export * from './health-code/index.js';
