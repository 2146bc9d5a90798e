/** The city sets a category's service level (hours to acknowledge, hours to respond). */
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import type { Category } from '../store/reports.js';
import { listSlas, type Sla, upsertSla } from '../store/slas.js';
import { auditActor, type ParticipationActor } from './actor.js';

export async function setReportSla(
  db: Db,
  actor: ParticipationActor,
  input: { category: Category; ackHours: number; respondHours: number },
): Promise<Sla[]> {
  return db.transaction(async (tx) => {
    const before = (await listSlas(tx)).find((s) => s.category === input.category);
    await upsertSla(tx, { ...input, at: actor.now, by: auditActor(actor) });
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'participation.sla_set',
      subjectType: 'report_sla',
      subjectId: input.category,
      detail: {
        before: before ? { ackHours: before.ackHours, respondHours: before.respondHours } : null,
        after: { ackHours: input.ackHours, respondHours: input.respondHours },
      },
    });
    return listSlas(tx);
  });
}
