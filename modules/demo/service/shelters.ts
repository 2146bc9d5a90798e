/**
 * The demo's emergency shelters: a dozen around the focus community's district — its sports centre,
 * a middle school and a park in each of its streets, the primary schools of the focus street's
 * communities — each near its place's centre. The sports centre, the focus community's school, the
 * focus street's park and one more school are open, with some of the focus street's households
 * checked in (and a group not in the registry), so the map has room taken and left. Everything goes
 * through the shelters' services, audited as a real day's work.
 */
import type { Db } from '@renxing/db';
import {
  checkInShelter,
  createShelter,
  type Offer,
  type ShelterActor,
  type ShelterInput,
  setShelterState,
} from '@renxing/modules/shelters';

export interface DemoSheltersResult {
  shelters: number;
  open: number;
  /** People checked in, and in how many stays. */
  people: number;
  stays: number;
}

interface Place {
  path: string;
  name: string;
  level: string;
  lon: number;
  lat: number;
}

/** About `metres` east and north of a point (degrees). */
const nudge = (p: { lon: number; lat: number }, east: number, north: number) => ({
  lon: p.lon + east / (111_320 * Math.cos((p.lat * Math.PI) / 180)),
  lat: p.lat + north / 110_540,
});

export async function seedShelters(
  db: Db,
  o: { now: Date; admin: string; focus: string; log: (line: string) => void },
): Promise<DemoSheltersResult> {
  const district = o.focus.split('.').slice(0, 2).join('.');
  const focusStreet = o.focus.split('.').slice(0, 3).join('.');
  const { rows: places } = await db.query<Place>(
    `SELECT path, name, level, lon, lat FROM places
      WHERE path >= $1 AND path < $1 || '/' AND level IN ('district', 'street', 'community') AND lon IS NOT NULL
      ORDER BY path`,
    [district],
  );
  const at = (path: string) => places.find((p) => p.path === path);
  const districtPlace = at(district);
  if (!districtPlace) throw new Error(`demo shelters: the district ${district} has no centre`);
  const streets = places.filter((p) => p.level === 'street');
  const communities = places.filter((p) => p.level === 'community' && p.path.startsWith(`${focusStreet}.`));

  const entry = (
    place: Place,
    name: string,
    where: { lon: number; lat: number },
    capacityDay: number,
    capacityNight: number,
    type: 'indoor' | 'outdoor',
    offers: Offer[],
  ): ShelterInput => ({
    place: place.path,
    name,
    address: null,
    ...where,
    capacityDay,
    capacityNight,
    type,
    offers,
  });

  const wanted: ShelterInput[] = [
    entry(
      districtPlace,
      `${districtPlace.name.replace(/区$/, '')}体育中心`,
      nudge(districtPlace, 400, -250),
      3000,
      2000,
      'indoor',
      ['accessible', 'beds', 'medical'],
    ),
  ];
  for (const [i, s] of streets.entries()) {
    const base = s.name.replace(/街道$/, '');
    wanted.push(
      entry(s, `${base}中学`, nudge(s, 300 + i * 40, 200), 800, 500, 'indoor', ['accessible', 'beds']),
      entry(s, `${base}公园`, nudge(s, -450, -300 - i * 30), 1500, 300, 'outdoor', ['pets']),
    );
  }
  for (const [i, c] of communities.slice(0, 12 - wanted.length).entries()) {
    wanted.push(
      entry(c, `${c.name.replace(/社区$/, '')}小学`, nudge(c, 150, 120 + i * 25), 300, 200, 'indoor', [
        'beds',
      ]),
    );
  }

  const admin: ShelterActor = { userId: o.admin, scope: 'cq', now: new Date(o.now.getTime() - 6 * 3600_000) };
  const ids = new Map<string, string>();
  for (const s of wanted.slice(0, 12)) ids.set(s.name, (await createShelter(db, s, admin)).id);

  // Open: the sports centre, the focus community's school, the focus street's park, one more school.
  const focusSchool = wanted.find((s) => s.place === o.focus && s.name.endsWith('小学'));
  const focusPark = wanted.find((s) => s.place === focusStreet && s.name.endsWith('公园'));
  const otherSchool = wanted.find((s) => s.name.endsWith('中学') && s.place !== focusStreet);
  const open = [wanted[0], focusSchool, focusPark, otherSchool].filter(
    (s): s is ShelterInput => s !== undefined,
  );
  for (const s of open)
    await setShelterState(db, ids.get(s.name)!, 'open', admin, '暴雨橙色预警，开放避难场所');

  // Households of the focus street arrive over the last few hours: most to the nearest open
  // school, some to the sports centre; one group not in the registry.
  const { rows: households } = await db.query<{ id: string }>(
    `SELECT h.id FROM households h JOIN places p ON p.id = h.place_id
      WHERE p.path >= $1 AND p.path < $1 || '/' AND EXISTS (SELECT 1 FROM people m WHERE m.household_id = h.id)
      ORDER BY h.import_key, h.id LIMIT 24`,
    [focusStreet],
  );
  let people = 0;
  let stays = 0;
  const targets = [focusSchool, focusSchool, wanted[0], focusPark].filter(
    (s): s is ShelterInput => s !== undefined,
  );
  for (const [i, h] of households.entries()) {
    const target = targets[i % targets.length];
    const when: ShelterActor = {
      ...admin,
      now: new Date(o.now.getTime() - (4 * 3600_000 * (households.length - i)) / households.length),
    };
    try {
      const r = await checkInShelter(db, ids.get(target.name)!, { household: h.id }, when);
      people += r.checkIn.people;
      stays++;
    } catch {
      // full, or the household has nobody left in the registry: the demo moves on
    }
  }
  const group = await checkInShelter(
    db,
    ids.get(wanted[0].name)!,
    { name: '外地务工人员', people: 18, note: '工地临时安置' },
    { ...admin, now: new Date(o.now.getTime() - 3600_000) },
  );
  people += group.checkIn.people;
  stays++;
  o.log(
    `shelters: ${ids.size} around ${district}, ${open.length} open, ${people} people checked in (${stays} stays)`,
  );
  return { shelters: ids.size, open: open.length, people, stays };
}
