/**
 * One error shape for the whole API: `{ code, message, field? }`, the code from the contracts
 * catalogue, the message in the request's locale (Accept-Language zh… → zh-CN, else en).
 */
import { FieldError, invalid, type Locale, RenxingError } from '@renxing/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', description: 'stable RX_ code from the error catalogue' },
    message: { type: 'string', description: 'in the locale asked for by Accept-Language' },
    field: { type: 'string', description: 'the input that is wrong, e.g. body.username' },
  },
} as const;

export const errorRef = { $ref: 'Error#' } as const;

/** Responses every route under /api may give besides its own. */
export const commonErrors = { 400: errorRef, 401: errorRef, 403: errorRef, 404: errorRef } as const;

export function requestLocale(request: FastifyRequest): Locale {
  const tag = request.headers['accept-language'];
  return typeof tag === 'string' && /^\s*zh/i.test(tag) ? 'zh-CN' : 'en';
}

// FieldError and invalid live with RenxingError in the catalogue; re-exported for the routes.
export { FieldError, invalid };

interface Body {
  code: string;
  message: string;
  field?: string;
}

function body(error: RenxingError, locale: Locale): Body {
  const out: Body = { code: error.code, message: error.text(locale) };
  if (error.field !== undefined) out.field = error.field;
  return out;
}

/** Fastify's schema errors → RX_VALIDATION naming the field (`body.username`, `query.level`). */
function fromValidation(error: FastifyError): FieldError {
  const first = error.validation?.[0];
  const context = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
  const params = (first?.params ?? {}) as Record<string, unknown>;
  const name =
    typeof params.missingProperty === 'string'
      ? `/${params.missingProperty}`
      : typeof params.additionalProperty === 'string'
        ? `/${params.additionalProperty}`
        : (first?.instancePath ?? '');
  const field = `${context}${name.replaceAll('/', '.')}`;
  return invalid(field, first?.message ?? 'does not match the schema');
}

/** A byte count as people read limits: 32 MiB, 1 MiB, 512 KiB. */
function bytesText(n: number): string {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n / (1 << 20)} MiB`;
  if (n >= 1 << 10 && n % (1 << 10) === 0) return `${n / (1 << 10)} KiB`;
  return `${n} bytes`;
}

function toRenxing(error: unknown, request: FastifyRequest): RenxingError {
  if (error instanceof RenxingError) return error;
  const e = error as FastifyError;
  if (e?.validation) return fromValidation(e);
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new FieldError('RX_TOO_LARGE', 'body', { limit: bytesText(request.routeOptions.bodyLimit ?? 0) });
  }
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status === 404) return new RenxingError('RX_NOT_FOUND');
  if (status === 429) return new RenxingError('RX_RATE_LIMITED', { retry: '1 minute' });
  if (status >= 400 && status < 500) {
    // Malformed JSON, wrong content type, body too large: the request body is at fault.
    const field = e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'header.content-type' : 'body';
    return invalid(field, e.message);
  }
  return new RenxingError('RX_INTERNAL', { detail: 'see the server log' });
}

export function installErrorHandling(app: FastifyInstance): void {
  app.addSchema(errorSchema);
  app.setErrorHandler((error, request, reply: FastifyReply) => {
    const rx = toRenxing(error, request);
    if (rx.status >= 500) request.log.error({ err: error }, 'request failed');
    const out = body(rx, requestLocale(request));
    return reply.code(rx.status).send(out);
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(body(new RenxingError('RX_NOT_FOUND'), requestLocale(request)));
  });
}
