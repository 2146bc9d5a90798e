/** The cases module as the API registers it; its detection queue runs in the app (ctx.queues). */
import type { RenxingModule } from '@renxing/http';
import { ACCESS } from './access.js';
import caseRoutes from './http/routes.js';
import type { DetectionQueue } from './service/queue.js';

declare module '@renxing/http' {
  interface Queues {
    /** Background detection runs for registered cases. */
    detection: DetectionQueue;
  }
}

export const casesModule: RenxingModule = { name: 'cases', access: ACCESS, routes: caseRoutes };
