/**
 * The Fastify plugins the app registers (apps/api/src/app.ts) add to Fastify's types: cookies,
 * per-route rate limits, operation ids in schemas. Every module's plugin sees them through here.
 */
/// <reference types="@fastify/cookie" preserve="true" />
/// <reference types="@fastify/rate-limit" preserve="true" />
/// <reference types="@fastify/swagger" preserve="true" />
export {};
