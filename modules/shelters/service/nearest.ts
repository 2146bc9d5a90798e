/**
 * Finding room (contract "Shelters"): for a household of n, the nearest open shelter with
 * available ≥ n from the household's home — the community centroid, as homes have no location of
 * their own — among the shelters reaching the caller; ties by id. And the evacuee search of the
 * check-in screen: people by ID number, phone or name, with their households and where they are.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { searchPeople } from '@renxing/modules/people';
import { isWithin } from '@renxing/modules/places';
import '../errors.js';
import { type Ranked, rankWithRoom } from '../rules/nearest.js';
import { maskedQuery } from '../rules/search.js';
import { type LonLat, MAX_PARTY } from '../rules/types.js';
import {
  checkInsOf,
  homeLocation,
  householdForCheckIn,
  households,
  personForCheckIn,
} from '../store/checkins.js';
import { listShelters, type Shelter } from '../store/shelters.js';
import type { ShelterActor } from './shelters.js';

/** Where the distance is measured from. */
export type Origin =
  | { household: string }
  | { person: string }
  /** A place's community centre (or the nearest place above it with one). */
  | { place: string }
  | { lon: number; lat: number };

export interface From extends LonLat {
  /** What the point is: given, or the centre of `place`. */
  source: 'given' | 'community' | 'place';
  place: string | null;
  placeName: string | null;
}

export interface RoomAnswer {
  from: From;
  people: number;
  /** The nearest with room (null: no open shelter in reach has room for them). */
  shelter: (Shelter & { distanceM: number }) | null;
  /** The next nearest with room, for a second choice. */
  alternatives: (Shelter & { distanceM: number })[];
}

async function originPoint(db: Db, o: Origin, scope: string): Promise<From> {
  if ('lon' in o) return { lon: o.lon, lat: o.lat, source: 'given', place: null, placeName: null };
  let path: string | null | undefined;
  let what: string;
  if ('household' in o) {
    path = (await householdForCheckIn(db, o.household))?.homePath;
    what = 'household';
  } else if ('person' in o) {
    path = (await personForCheckIn(db, o.person))?.homePath;
    what = 'person';
  } else {
    path = o.place;
    what = o.place;
  }
  if (!path || !isWithin(path, scope)) throw new RenxingError('RX_NOT_FOUND');
  const at = await homeLocation(db, path);
  if (!at) throw new RenxingError('RX_NO_HOME_LOCATION', { what });
  return {
    lon: at.lon,
    lat: at.lat,
    source: at.level === 'community' ? 'community' : 'place',
    place: at.path,
    placeName: at.name,
  };
}

/** The nearest open shelter in reach with room for `people` now, and up to `alternatives` more. */
export async function findShelterWithRoom(
  db: Db,
  q: { people: number; from: Origin; alternatives?: number },
  actor: ShelterActor,
): Promise<RoomAnswer> {
  if (!Number.isSafeInteger(q.people) || q.people < 1 || q.people > MAX_PARTY)
    throw invalid('query.people', { en: `1 to ${MAX_PARTY} people`, 'zh-CN': `人数须为 1 至 ${MAX_PARTY}` });
  const from = await originPoint(db, q.from, actor.scope);
  const open = await listShelters(db, { scope: actor.scope, state: 'open', limit: 100_000 });
  const ranked = rankWithRoom(open, from, q.people, actor.now, 1 + (q.alternatives ?? 3));
  const withDistance = (r: Ranked<Shelter>) => ({ ...r.shelter, distanceM: Math.round(r.distanceM) });
  return {
    from,
    people: q.people,
    shelter: ranked[0] ? withDistance(ranked[0]) : null,
    alternatives: ranked.slice(1).map(withDistance),
  };
}

export interface EvacueeHit {
  id: string;
  name: string;
  phoneMasked: string | null;
  homePath: string;
  homeName: string;
  household: { id: string; members: number; address: string | null; names: string[] } | null;
  /** Where they are now: their own check-in, or their household's. */
  checkIn: {
    id: string;
    shelterId: string;
    shelter: string;
    people: number;
    as: 'person' | 'household';
  } | null;
}

/**
 * People homed within the caller's place matching `q` (part of the name, or a whole phone or ID
 * number), each with their household and where they are checked in. Audited as
 * `shelters.evacuee.search` (the number masked, the people shown).
 */
export async function findEvacuees(
  db: Db,
  q: string,
  o: { secret: Buffer; actor: ShelterActor; limit?: number },
): Promise<EvacueeHit[]> {
  const found = await searchPeople(db, { under: o.actor.scope, q, secret: o.secret, limit: o.limit ?? 20 });
  const ids = found.people.map((p) => p.id);
  const { householdOf, open } = await checkInsOf(db, ids);
  const homes = await households(
    db,
    [...householdOf.values()].filter((h): h is string => h !== null),
  );
  const hits = found.people.map((p): EvacueeHit => {
    const hh = householdOf.get(p.id) ?? null;
    const h = hh ? homes.get(hh) : undefined;
    const own = open.get(p.id);
    const theirs = hh ? open.get(hh) : undefined;
    return {
      id: p.id,
      name: p.name,
      phoneMasked: p.phoneMasked,
      homePath: p.homePlacePath,
      homeName: p.homePlaceName,
      household: h ? { id: h.id, members: h.members, address: h.address, names: h.names.slice(0, 12) } : null,
      checkIn: own ? { ...own, as: 'person' } : theirs ? { ...theirs, as: 'household' } : null,
    };
  });
  await appendAudit(db, {
    actor: o.actor.userId,
    action: 'shelters.evacuee.search',
    reason: 'searched the people register to check people into a shelter',
    detail: { q: maskedQuery(q), under: o.actor.scope, shown: hits.length, personIds: ids },
  });
  return hits;
}
