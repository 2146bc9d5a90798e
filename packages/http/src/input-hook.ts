/**
 * The shared input rule (`inputProblem` in the contracts) on every request: after the schemas have
 * validated and coerced, before any handler, a NUL or a lone surrogate in any text of the body, the
 * query or the path, or a number that is not finite, answers 400 RX_VALIDATION naming the field.
 */
import { inputProblem } from '@renxing/contracts';
import type { FastifyInstance } from 'fastify';
import { invalid } from './errors.js';

export function installInputRules(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const found =
      inputProblem(request.params, 'params') ??
      inputProblem(request.query, 'query') ??
      inputProblem(request.body, 'body');
    if (found) throw invalid(found.field, found.detail);
  });
}
