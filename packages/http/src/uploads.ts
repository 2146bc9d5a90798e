/** Uploads sent as the file itself (a CSV, an XLSX workbook, a GeoJSON document), not as a form. */
import type { FastifyInstance } from 'fastify';

/**
 * Lets this plugin's routes take bodies of the given content types whole, as a Buffer of at most
 * `bodyLimit` bytes (Fastify's default when omitted); the route reads the bytes, which decide the format.
 */
export function acceptFileBodies(api: FastifyInstance, types: readonly string[], bodyLimit?: number): void {
  const options =
    bodyLimit === undefined ? { parseAs: 'buffer' as const } : { parseAs: 'buffer' as const, bodyLimit };
  api.addContentTypeParser([...types], options, (_request, body, done) => done(null, body));
}
