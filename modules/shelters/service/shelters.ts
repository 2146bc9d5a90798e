/** The registry's changes: create, update, open and close — each one transaction with its audit row. */
import { invalid, RenxingError } from '@renxing/contracts';
import { type Db, sqlState } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { isPlacePath, isWithin } from '@renxing/modules/places';
import '../errors.js';
import { normaliseOffers, type ShelterInput, shelterProblem } from '../rules/registry.js';
import type { ShelterState } from '../rules/types.js';
import { insertShelter, replaceShelter, type Shelter, setStates, shelterById } from '../store/shelters.js';

/** The caller as shelters' services see them. */
export interface ShelterActor {
  userId: string;
  /** The caller's place path. */
  scope: string;
  now: Date;
}

/** The entry as stored (trimmed, offers sorted), or RX_VALIDATION naming the field. */
export function checkedInput(s: ShelterInput, base = 'body'): ShelterInput {
  const problem = shelterProblem(s);
  if (problem) throw invalid(`${base}.${problem.field}`, problem.text);
  return { ...s, name: s.name.trim(), address: s.address?.trim() || null, offers: normaliseOffers(s.offers) };
}

/** A place outside the caller's reads as not found; one that does not exist as an unknown place. */
function requirePlace(place: string, scope: string): void {
  if (!isPlacePath(place) || !isWithin(place, scope)) throw new RenxingError('RX_NOT_FOUND');
}

const exists = (s: ShelterInput) =>
  new RenxingError('RX_SHELTER_EXISTS', { name: s.name, place: s.place }, 'body.name');

/** Registers a shelter (closed) at a place within the caller's; audited as `shelter.create`. */
export async function createShelter(db: Db, input: ShelterInput, actor: ShelterActor): Promise<Shelter> {
  const s = checkedInput(input);
  requirePlace(s.place, actor.scope);
  try {
    return await db.transaction(async (tx) => {
      const id = await insertShelter(tx, s, { by: actor.userId, at: actor.now });
      if (!id) throw new RenxingError('RX_UNKNOWN_PLACE', { place: s.place }, 'body.place');
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'shelter.create',
        subjectType: 'shelter',
        subjectId: id,
        detail: { ...s },
      });
      return (await shelterById(tx, id))!;
    });
  } catch (e) {
    throw sqlState(e) === '23505' ? exists(s) : e;
  }
}

/**
 * Changes a shelter within the caller's place: the fields given replace the stored ones (a lower
 * capacity may leave available below zero: nobody more comes in until people leave). Audited as
 * `shelter.update` with what changed.
 */
export async function updateShelter(
  db: Db,
  id: string,
  patch: Partial<ShelterInput>,
  actor: ShelterActor,
): Promise<Shelter> {
  const current = await shelterById(db, id, { scope: actor.scope });
  if (!current || !isWithin(current.place, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  const before: ShelterInput = {
    place: current.place,
    name: current.name,
    address: current.address,
    lon: current.lon,
    lat: current.lat,
    capacityDay: current.capacityDay,
    capacityNight: current.capacityNight,
    type: current.type,
    offers: current.offers,
  };
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const s = checkedInput({ ...before, ...given });
  requirePlace(s.place, actor.scope);
  const changed = (Object.keys(before) as (keyof ShelterInput)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(s[k]),
  );
  if (changed.length === 0) return current;
  try {
    return await db.transaction(async (tx) => {
      const locked = await shelterById(tx, id, { lock: true });
      if (!locked) throw new RenxingError('RX_NOT_FOUND');
      if (!(await replaceShelter(tx, id, s, actor.now)))
        throw new RenxingError('RX_UNKNOWN_PLACE', { place: s.place }, 'body.place');
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'shelter.update',
        subjectType: 'shelter',
        subjectId: id,
        detail: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: s[k] }])),
      });
      return (await shelterById(tx, id))!;
    });
  } catch (e) {
    throw sqlState(e) === '23505' ? exists(s) : e;
  }
}

/** Sets the state of shelters (skipping those already in it), one audit row per change. */
async function changeStates(
  db: Db,
  ids: readonly string[],
  state: ShelterState,
  actor: { userId: string; now: Date },
  detail: Record<string, unknown>,
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.transaction(async (tx) => {
    const changed = await setStates(tx, ids, state, { by: actor.userId, at: actor.now });
    for (const s of changed) {
      await appendAudit(tx, {
        actor: actor.userId,
        action: state === 'open' ? 'shelter.open' : 'shelter.close',
        subjectType: 'shelter',
        subjectId: s.id,
        reason: typeof detail.reason === 'string' ? detail.reason : null,
        detail: { name: s.name, ...detail },
      });
    }
    return changed;
  });
}

/**
 * Opens or closes a shelter within the caller's place (a closed shelter takes no one in; those
 * inside stay until they check out). The same state again changes nothing. Audited as
 * `shelter.open` / `shelter.close`.
 */
export async function setShelterState(
  db: Db,
  id: string,
  state: ShelterState,
  actor: ShelterActor,
  reason: string | null = null,
): Promise<{ shelter: Shelter; changed: boolean }> {
  const current = await shelterById(db, id, { scope: actor.scope });
  if (!current || !isWithin(current.place, actor.scope)) throw new RenxingError('RX_NOT_FOUND');
  const changed = await changeStates(db, [id], state, actor, reason ? { reason } : {});
  return { shelter: (await shelterById(db, id))!, changed: changed.length > 0 };
}

/**
 * Opens the shelters `shelterIds` (for the plans: an activation opens its level's shelters). Those
 * already open, and ids that name no shelter, are skipped; the number opened. One transaction, one
 * `shelter.open` audit row per shelter opened.
 */
export async function openShelters(
  db: Db,
  shelterIds: string[],
  actor: { userId: string; now: Date },
): Promise<number> {
  const ids = [...new Set(shelterIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  return (await changeStates(db, ids, 'open', actor, { via: 'openShelters' })).length;
}
