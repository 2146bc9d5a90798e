/** The signed-in user's own notifications: listMyNotifications, markNotificationRead. */
import { invalid } from '@renxing/contracts';
import { type AppContext, commonErrors, typed } from '@renxing/http';
import { listNotifications, markRead } from '@renxing/notify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { markBody, markedSchema, notificationsQuery, notificationsSchema } from './schemas.js';

const readerOf = (request: FastifyRequest) => ({
  userId: request.user!.id,
  personId: request.user!.personId,
});

export default async function notificationRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;

  api.get(
    '/me/notifications',
    {
      schema: {
        operationId: 'listMyNotifications',
        summary:
          'Your notifications (sent to your account or, for a resident, to you as a person), newest first',
        tags: ['notifications'],
        querystring: notificationsQuery,
        response: { 200: notificationsSchema, ...commonErrors },
      },
    },
    async (request) =>
      listNotifications(db, readerOf(request), {
        unreadOnly: request.query.unreadOnly,
        limit: request.query.limit,
      }),
  );

  api.post(
    '/me/notifications/read',
    {
      schema: {
        operationId: 'markNotificationRead',
        summary: 'Mark your notifications read: these ids (others’ are left alone), or all',
        tags: ['notifications'],
        body: markBody,
        response: { 200: markedSchema, ...commonErrors },
      },
    },
    async (request) => {
      const reader = readerOf(request);
      const { ids, all } = request.body;
      if (!all && (ids === undefined || ids.length === 0))
        throw invalid('body.ids', { en: 'name ids, or all', 'zh-CN': '请给出通知编号，或选择全部' });
      const marked = await markRead(db, reader, all ? 'all' : (ids ?? []), new Date(ctx.now() * 1000));
      const { unread } = await listNotifications(db, reader, { unreadOnly: true, limit: 1 });
      return { marked, unread };
    },
  );
}
