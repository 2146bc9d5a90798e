/**
 * The federation module as the API registers it. Its outbox runs with the app: started with the
 * routes (delivering what a previous run left), closed when the app closes.
 */
import type { AppContext, RenxingModule } from '@renxing/http';
import { cityKeys } from '@renxing/modules/health-codes';
import { ACCESS } from './access.js';
import federationRoutes from './http/routes.js';
import type { FederationContext } from './service/context.js';
import { FederationOutbox } from './service/outbox.js';

declare module '@renxing/http' {
  interface Queues {
    /** Signed messages to peer cities, delivered until acknowledged. */
    federation?: FederationOutbox;
  }
}

export function federationContext(app: AppContext): FederationContext {
  const keys = cityKeys(app);
  return {
    db: app.db,
    now: app.now,
    key: keys.signingKey,
    citySecret: app.citySecret,
    preset: app.preset,
    fetch: globalThis.fetch,
    ...(app.federationId ? { self: app.federationId } : {}),
  };
}

export const federationModule: RenxingModule = {
  name: 'federation',
  access: ACCESS,
  routes: async (api, app) => {
    const ctx = federationContext(app);
    const outbox = new FederationOutbox(ctx, {
      retryMax: app.federationRetryMax,
      log: (line, err) => api.log.error({ err }, line),
    });
    ctx.poke = () => outbox.poke();
    (app.queues as { federation?: FederationOutbox }).federation = outbox;
    api.addHook('onClose', async () => outbox.close());
    await federationRoutes(api, ctx);
    outbox.start();
  },
};
