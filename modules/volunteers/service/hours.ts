/**
 * Hours served. `addVolunteerHours` writes an entry and its audit row inside the caller's
 * transaction (mutual aid, when a request is done); `recordHours` is the staff's own change.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { cityDate } from '../rules/windows.js';
import { type HoursEntry, hoursOf, insertHours } from '../store/hours.js';
import { volunteerById } from '../store/volunteers.js';
import { auditActor, type VolunteerActor } from './actor.js';

export interface HoursInput {
  volunteerId: string;
  hours: number;
  /** The city's day served (YYYY-MM-DD); default the day of `at`. */
  date?: string;
  /** What was served, recorded once per volunteer (e.g. `aid_request:<id>`). */
  source?: string | null;
  note?: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Records hours served inside the transaction `tx` (the caller's), with its audit row
 * `volunteer.hours`; a source already recorded for the volunteer changes nothing (null back).
 * The hours count 0 < h ≤ 24; an entry counts as one task of its day for capacity.
 */
export async function addVolunteerHours(
  tx: Db,
  input: HoursInput,
  actor: { userId: string | null; now: Date },
): Promise<HoursEntry | null> {
  if (!(input.hours > 0 && input.hours <= 24)) throw invalid('body.hours', 'more than 0 and at most 24');
  const date = input.date ?? cityDate(actor.now);
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw invalid('body.date', 'a day YYYY-MM-DD');
  const hours = Math.round(input.hours * 100) / 100;
  const id = await insertHours(
    tx,
    { volunteerId: input.volunteerId, date, hours, source: input.source ?? null, note: input.note ?? null },
    { by: actor.userId, at: actor.now },
  );
  if (!id) return null;
  await appendAudit(tx, {
    actor: auditActor(actor),
    action: 'volunteer.hours',
    subjectType: 'volunteer',
    subjectId: input.volunteerId,
    detail: { date, hours, source: input.source ?? null },
  });
  return (await hoursOf(tx, input.volunteerId, 1000)).find((h) => h.id === id)!;
}

/** Staff record hours served by a volunteer of a community within their place (one transaction). */
export async function recordHours(
  db: Db,
  input: HoursInput,
  actor: VolunteerActor,
): Promise<{ entry: HoursEntry | null; recorded: boolean }> {
  if (!(await volunteerById(db, input.volunteerId, { scope: actor.scope })))
    throw new RenxingError('RX_NOT_FOUND');
  const entry = await db.transaction((tx) => addVolunteerHours(tx, input, actor));
  return { entry, recorded: entry !== null };
}
