/** Creating an organisation: one transaction with its audit row. */
import { invalid, RenxingError } from '@renxing/contracts';
import { type Db, sqlState } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isPlacePath, isWithin } from '@renxing/modules/places';
import '../errors.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../rules/skills.js';
import { insertOrganisation, type Organisation, organisationById } from '../store/organisations.js';
import { auditActor, type VolunteerActor } from './actor.js';

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  /** The place it belongs to (within the caller's). */
  place: string;
}

/** Registers an organisation at a place within the caller's; audited as `organisation.create`. */
export async function createOrganisation(
  db: Db,
  input: OrganisationInput,
  actor: VolunteerActor,
): Promise<Organisation> {
  const name = input.name.trim();
  if (name === '' || name.length > 200) throw invalid('body.name', 'a name of 1 to 200 characters');
  if (!ORGANISATION_KINDS.includes(input.kind)) throw invalid('body.kind', ORGANISATION_KINDS.join(', '));
  if (!isPlacePath(input.place) || (actor.scope && !isWithin(input.place, actor.scope)))
    throw new RenxingError('RX_UNKNOWN_PLACE', { place: input.place }, 'body.place');
  try {
    return await db.transaction(async (tx) => {
      const id = await insertOrganisation(tx, { ...input, name }, { by: actor.userId, at: actor.now });
      if (!id) throw new RenxingError('RX_UNKNOWN_PLACE', { place: input.place }, 'body.place');
      await appendAudit(tx, {
        actor: auditActor(actor),
        action: 'organisation.create',
        subjectType: 'organisation',
        subjectId: id,
        detail: { name, kind: input.kind, place: input.place },
      });
      return (await organisationById(tx, id))!;
    });
  } catch (e) {
    if (sqlState(e) === '23505') throw new RenxingError('RX_ORGANISATION_EXISTS', { name }, 'body.name');
    throw e;
  }
}
