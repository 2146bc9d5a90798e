/**
 * Check-in and check-out (contract "Shelters"). A check-in claims its places with one conditional
 * update of the shelter's row (open, and occupancy + party within the capacity the rules say holds
 * now) that records the check-in too: concurrent check-ins to one shelter queue on the row, each
 * seeing the occupancy the one before it left, so none takes available below zero. The audit row
 * is written in the same transaction; a refusal is explained by the rules from the row as it is. A
 * check-out is one conditional update of the check-in: checking out twice changes nothing.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import { type Db, sqlState } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin } from '@renxing/modules/places';
import '../errors.js';
import { checkInRefusal, periodAt } from '../rules/capacity.js';
import { MAX_PARTY } from '../rules/types.js';
import {
  type CheckIn,
  checkInById,
  claimPlaces,
  householdForCheckIn,
  markCheckedOut,
  openCheckInOf,
  personForCheckIn,
} from '../store/checkins.js';
import { addOccupancy, type Shelter, shelterById } from '../store/shelters.js';
import type { ShelterActor } from './shelters.js';

/**
 * Who checks in — one of: a registry `person` (1); a registry `household` (its members, or
 * `people`; `name` labels it); a `name` with a number of `people` (not in the registry).
 */
export interface Arrival {
  person?: string;
  household?: string;
  name?: string | null;
  people?: number;
  note?: string | null;
}

interface Subject {
  personId: string | null;
  householdId: string | null;
  name: string;
  people: number;
}

const party = (n: number | undefined, field: string) => {
  if (n === undefined || !Number.isSafeInteger(n) || n < 1 || n > MAX_PARTY)
    throw invalid(field, { en: `1 to ${MAX_PARTY} people`, 'zh-CN': `人数须为 1 至 ${MAX_PARTY}` });
  return n;
};

/** The person or household within the caller's place (RX_NOT_FOUND otherwise), or the count as given. */
async function subjectOf(db: Db, a: Arrival, scope: string): Promise<Subject> {
  if (a.person !== undefined && a.household !== undefined)
    throw invalid('body', {
      en: 'give one of: person, household, or a name with a number of people',
      'zh-CN': '请给出其一：人员、家庭，或姓名加人数',
    });
  if (a.person !== undefined) {
    const p = await personForCheckIn(db, a.person);
    if (!p?.homePath || !isWithin(p.homePath, scope)) throw new RenxingError('RX_NOT_FOUND');
    return { personId: p.id, householdId: null, name: p.name, people: 1 };
  }
  if (a.household !== undefined) {
    const h = await householdForCheckIn(db, a.household);
    if (!h?.homePath || !isWithin(h.homePath, scope)) throw new RenxingError('RX_NOT_FOUND');
    const people = party(a.people ?? h.members, 'body.people');
    const label = a.name?.trim() || h.address || h.names[0] || a.household.slice(0, 8);
    return { personId: null, householdId: h.id, name: label.slice(0, 200), people };
  }
  const name = a.name?.trim() ?? '';
  if (name.length < 1 || name.length > 200)
    throw invalid('body.name', {
      en: 'a person, a household, or a name (1 to 200 characters) with a number of people',
      'zh-CN': '请选择人员或家庭，或填写姓名（1 至 200 个字符）和人数',
    });
  return { personId: null, householdId: null, name, people: party(a.people, 'body.people') };
}

export interface CheckInResult {
  checkIn: CheckIn;
  shelter: Shelter;
}

/**
 * Checks a person, a household or a count into a shelter reaching the caller's place. Refused:
 * RX_SHELTER_CLOSED, RX_SHELTER_FULL (available would go below zero), RX_ALREADY_CHECKED_IN (the
 * person or household is in a shelter already). Audited as `shelter.check_in`.
 */
export async function checkInShelter(
  db: Db,
  shelterId: string,
  arrival: Arrival,
  actor: ShelterActor,
): Promise<CheckInResult> {
  const found = await shelterById(db, shelterId, { scope: actor.scope });
  if (!found) throw new RenxingError('RX_NOT_FOUND');
  const who = await subjectOf(db, arrival, actor.scope);
  const note = arrival.note?.trim() || null;
  const night = periodAt(actor.now) === 'night';
  try {
    return await db.transaction(async (tx) => {
      const held = who.personId
        ? await openCheckInOf(tx, { personId: who.personId })
        : who.householdId
          ? await openCheckInOf(tx, { householdId: who.householdId })
          : undefined;
      if (held) throw new RenxingError('RX_ALREADY_CHECKED_IN', { name: held.name, shelter: held.shelter });
      for (let attempt = 1; ; attempt++) {
        const claimed = await claimPlaces(tx, {
          shelterId,
          ...who,
          note,
          at: actor.now,
          by: actor.userId,
          night,
        });
        if (claimed) {
          await appendAudit(tx, {
            actor: actor.userId,
            action: 'shelter.check_in',
            subjectType: 'shelter',
            subjectId: shelterId,
            detail: {
              checkIn: claimed.checkIn.id,
              person: who.personId,
              household: who.householdId,
              people: who.people,
              occupancy: claimed.occupancy,
            },
          });
          return { checkIn: claimed.checkIn, shelter: { ...found, occupancy: claimed.occupancy } };
        }
        // Refused: the rules say why, from the shelter as it is now. (Someone leaving in between
        // may have made room: ask again, a few times.)
        const shelter = (await shelterById(tx, shelterId))!;
        const refusal = checkInRefusal(shelter, who.people, actor.now);
        if (refusal?.kind === 'closed')
          throw new RenxingError('RX_SHELTER_CLOSED', { shelter: shelter.name });
        if (refusal || attempt === 3)
          throw new RenxingError('RX_SHELTER_FULL', {
            shelter: shelter.name,
            available: Math.max(0, refusal?.available ?? 0),
            people: who.people,
          });
      }
    });
  } catch (e) {
    // Two check-ins of one person (or household) at once: the second meets the unique index.
    if (sqlState(e) === '23505')
      throw new RenxingError('RX_ALREADY_CHECKED_IN', { name: who.name, shelter: '—' });
    throw e;
  }
}

/**
 * Checks a stay out of its shelter (which must reach the caller's place), freeing its places. A
 * stay already checked out is answered as it is, `changed: false`. Audited as `shelter.check_out`.
 */
export async function checkOutShelter(
  db: Db,
  checkInId: string,
  actor: ShelterActor,
): Promise<CheckInResult & { changed: boolean }> {
  const found = await checkInById(db, checkInId);
  if (!found || !(await shelterById(db, found.shelterId, { scope: actor.scope })))
    throw new RenxingError('RX_NOT_FOUND');
  return db.transaction(async (tx) => {
    const left = await markCheckedOut(tx, checkInId, { at: actor.now, by: actor.userId });
    if (!left) {
      const shelter = (await shelterById(tx, found.shelterId))!;
      return { checkIn: (await checkInById(tx, checkInId))!, shelter, changed: false };
    }
    const occupancy = await addOccupancy(tx, left.shelterId, -left.people, actor.now);
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'shelter.check_out',
      subjectType: 'shelter',
      subjectId: left.shelterId,
      detail: { checkIn: left.id, people: left.people, occupancy },
    });
    const shelter = (await shelterById(tx, left.shelterId))!;
    return { checkIn: left, shelter, changed: true };
  });
}
