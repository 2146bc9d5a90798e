export * from './gen-city.js';
