/** Test-only kernel: the brute-force oracle of the companion contract and fast-check arbitraries. */
export * from './oracle.js';
export * from './random-city.js';
