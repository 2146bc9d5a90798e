/** The volunteer behind a volunteer's account. */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { type Volunteer, volunteerOfUser } from '@renxing/modules/volunteers';
import '../errors.js';
import type { AidActor } from './actor.js';

/** The actor's volunteer record, or RX_AID_NOT_A_VOLUNTEER (404). */
export async function actingVolunteer(db: Db, actor: AidActor): Promise<Volunteer> {
  const v = actor.userId ? await volunteerOfUser(db, actor.userId) : null;
  if (!v) throw new RenxingError('RX_AID_NOT_A_VOLUNTEER');
  return v;
}
