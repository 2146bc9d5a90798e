/**
 * Each operation's schema is written once, as a JSON schema literal (`as const`): Fastify
 * validates requests with it, /openapi.json publishes it, and this type provider derives the
 * handler's request types from it (json-schema-to-ts), so no route repeats its shape as a
 * TypeScript type. Replies are checked by the response schema's serializer at run time; the
 * console's types come from /openapi.json (apps/api/src/openapi-types.ts).
 */
import type { FastifyInstance, FastifyTypeProvider } from 'fastify';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';

export interface SchemaTypes extends FastifyTypeProvider {
  validator: this['schema'] extends JSONSchema ? FromSchema<this['schema']> : unknown;
  serializer: unknown;
}

/** `api` with the request types of each route taken from its schema. */
export function typed(api: FastifyInstance) {
  return api.withTypeProvider<SchemaTypes>();
}

/** A route scope whose handlers get their request types from their schemas. */
export type Api = ReturnType<typeof typed>;
