/**
 * The health-codes module as the API registers it: its routes under /api and the published keys
 * at /.well-known/jwks.json share one context (keys read once per app).
 */
import type { AppContext, RenxingModule } from '@renxing/http';
import { ACCESS } from './access.js';
import { type HealthCodeContext, healthCodeContext } from './http/context.js';
import healthCodeRoutes, { wellKnownRoutes } from './http/routes.js';

const contexts = new WeakMap<AppContext, HealthCodeContext>();

function contextOf(app: AppContext): HealthCodeContext {
  let ctx = contexts.get(app);
  if (!ctx) {
    ctx = healthCodeContext(app);
    contexts.set(app, ctx);
  }
  return ctx;
}

/** The city key (it signs health codes and, for federation, the messages to peer cities) and its published keys. */
export function cityKeys(app: AppContext): Pick<HealthCodeContext, 'signingKey' | 'publishedKeys'> {
  const ctx = contextOf(app);
  return { signingKey: ctx.signingKey, publishedKeys: ctx.publishedKeys };
}

export const healthCodesModule: RenxingModule = {
  name: 'health-codes',
  access: ACCESS,
  routes: (api, app) => healthCodeRoutes(api, contextOf(app)),
  rootRoutes: (root, app) => wellKnownRoutes(root, contextOf(app)),
};
