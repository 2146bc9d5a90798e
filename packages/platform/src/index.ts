/** Services that join the engine, the domain rules and the database (no HTTP, no CLI). */
export * from './health-codes/index.js';
