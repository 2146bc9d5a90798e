import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableAt, capacityAt, checkInRefusal, periodAt, periodEndsAt } from './capacity.js';
import { EDXL_HAVE_NS, type ShelterStatus, sheltersEdxl, sheltersGeoJson, xmlText } from './exports.js';
import { distanceM, nearestWithRoom, rankWithRoom } from './nearest.js';
import { admitShelterRow, offerWords, type ShelterRow, typeWord } from './registry.js';
import { maskedQuery } from './search.js';
import type { Candidate } from './types.js';

/** An instant at a city wall-clock time (UTC+8) on 2026-12-06. */
const city = (hhmm: string) => new Date(`2026-12-06T${hhmm}:00+08:00`);

const shelter = (o: Partial<Candidate> = {}): Candidate => ({
  id: 'a',
  lon: 106.57,
  lat: 29.55,
  state: 'open',
  capacityDay: 100,
  capacityNight: 60,
  occupancy: 0,
  ...o,
});

describe('capacity: night capacity from 20:00 to 08:00 city time, day otherwise', () => {
  it('switches at 20:00 and 08:00 exactly, whatever the UTC date', () => {
    expect(periodAt(city('07:59'))).toBe('night');
    expect(periodAt(city('08:00'))).toBe('day');
    expect(periodAt(city('19:59'))).toBe('day');
    expect(periodAt(city('20:00'))).toBe('night');
    expect(periodAt(city('00:00'))).toBe('night');
    // 23:30 UTC is 07:30 the next day in the city: night; 00:30 UTC is 08:30: day.
    expect(periodAt(new Date('2026-12-06T23:30:00Z'))).toBe('night');
    expect(periodAt(new Date('2026-12-07T00:30:00Z'))).toBe('day');
    expect(periodEndsAt(city('07:59'))).toEqual(city('08:00'));
    expect(periodEndsAt(city('08:00'))).toEqual(city('20:00'));
    expect(periodEndsAt(city('21:15'))).toEqual(new Date('2026-12-07T08:00:00+08:00'));
  });

  it('available = capacity − occupancy, and may be below zero when the night capacity is smaller', () => {
    const s = shelter({ occupancy: 80 });
    expect(capacityAt(s, city('12:00'))).toBe(100);
    expect(availableAt(s, city('12:00'))).toBe(20);
    expect(availableAt(s, city('22:00'))).toBe(-20);
  });

  it('refuses a check-in that would take available below zero, and any into a closed shelter', () => {
    const s = shelter({ occupancy: 95 });
    expect(checkInRefusal(s, 5, city('12:00'))).toBeNull();
    expect(checkInRefusal(s, 6, city('12:00'))).toEqual({ kind: 'full', available: 5 });
    expect(checkInRefusal(s, 1, city('22:00'))).toEqual({ kind: 'full', available: -35 });
    expect(checkInRefusal({ ...s, state: 'closed' }, 1, city('12:00'))).toEqual({ kind: 'closed' });
    expect(() => checkInRefusal(s, 0, city('12:00'))).toThrow(RangeError);
  });
});

describe('nearest with room', () => {
  it('measures great circles (one degree of latitude ≈ 111.2 km)', () => {
    expect(distanceM({ lon: 106, lat: 29 }, { lon: 106, lat: 30 })).toBeCloseTo(111_195, -1);
    expect(distanceM({ lon: 106.5, lat: 29.5 }, { lon: 106.5, lat: 29.5 })).toBe(0);
  });

  it('takes the nearest open shelter with available ≥ n; ties by id', () => {
    const home = { lon: 106.57, lat: 29.55 };
    const near = shelter({ id: 'near', lon: 106.571, occupancy: 97 }); // 3 left
    const closed = shelter({ id: 'closed', lon: 106.5701, state: 'closed' });
    const twinB = shelter({ id: 'b', lon: 106.58 });
    const twinA = shelter({ id: 'a', lon: 106.58 });
    const all = [near, closed, twinB, twinA];
    expect(nearestWithRoom(all, home, 3, city('12:00'))?.shelter.id).toBe('near');
    expect(nearestWithRoom(all, home, 4, city('12:00'))?.shelter.id).toBe('a');
    expect(nearestWithRoom(all, home, 101, city('12:00'))).toBeNull();
    // At night the capacity is 60: none of them has room for 61.
    expect(nearestWithRoom(all, home, 61, city('21:00'))).toBeNull();
  });

  it('agrees with a brute force over any shelters, homes, parties and clocks', () => {
    const point = fc.record({
      lon: fc.integer({ min: 0, max: 40 }).map((x) => 106.5 + x / 200),
      lat: fc.integer({ min: 0, max: 40 }).map((y) => 29.5 + y / 200),
    });
    const candidate = fc.record({
      id: fc
        .constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')
        .chain((a) => fc.constantFrom('a', 'b', 'c').map((b) => `${a}${b}`)),
      at: point,
      state: fc.constantFrom('open' as const, 'open' as const, 'closed' as const),
      capacityDay: fc.integer({ min: 0, max: 30 }),
      capacityNight: fc.integer({ min: 0, max: 30 }),
      occupancy: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 25 }),
        point,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 86_399 }),
        fc.integer({ min: 1, max: 5 }),
        (raw, home, n, second, limit) => {
          const shelters: Candidate[] = raw.map(({ at: p, ...c }) => ({ ...c, lon: p.lon, lat: p.lat }));
          const at = new Date(Date.UTC(2026, 11, 6) + second * 1000);
          const brute = shelters
            .filter((s) => s.state === 'open' && availableAt(s, at) >= n)
            .map((s) => ({ id: s.id, d: distanceM(home, s) }))
            .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
          expect(nearestWithRoom(shelters, home, n, at)?.shelter.id ?? null).toBe(brute[0]?.id ?? null);
          expect(rankWithRoom(shelters, home, n, at, limit).map((r) => r.shelter.id)).toEqual(
            brute.slice(0, limit).map((b) => b.id),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('exports', () => {
  const status: ShelterStatus = {
    ...shelter({ id: 'b9d6e1c2-0000-4000-8000-000000000001', occupancy: 70 }),
    name: '较场口小学 <A&B> "东"',
    place: 'cq.yz.jd01.sq01',
    placeName: '较场口社区',
    address: null,
    type: 'indoor',
    offers: ['beds', 'pets'],
    updatedAt: new Date('2026-12-06T04:00:00Z'),
  };

  it('GeoJSON: one point feature per shelter, lon first, with capacity, available and state now', () => {
    const doc = sheltersGeoJson([status], city('21:00'));
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features[0]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [106.57, 29.55] },
      properties: { capacity: 60, available: -10, state: 'open', period: 'night', offers: 'beds,pets' },
    });
  });

  it('EDXL-HAVE: escapes text, counts places as bed capacity (never below zero), state as facility status', () => {
    const xml = sheltersEdxl([status], city('12:00'));
    expect(xml).toContain(`<HospitalStatus xmlns="${EDXL_HAVE_NS}"`);
    expect(xml).toContain('<OrganizationName>较场口小学 &lt;A&amp;B&gt; &quot;东&quot;</OrganizationName>');
    expect(xml).toContain('<gml:pos>29.55 106.57</gml:pos>');
    expect(xml).toMatch(
      /ShelterDayPlaces<\/BedType>\s*<Capacity>\s*<CapacityStatus>Vacant\/Available<\/CapacityStatus>\s*<AvailableCount>30</,
    );
    expect(xml).toMatch(
      /ShelterNightPlaces<\/BedType>\s*<Capacity>\s*<CapacityStatus>NotAvailable<\/CapacityStatus>\s*<AvailableCount>0</,
    );
    expect(xml).toContain('<FacilityStatus>Normal</FacilityStatus>');
    expect(xmlText('a\u0001b\uFFFEc')).toBe('abc');
  });
});

describe('registry rows', () => {
  const row = (o: Partial<ShelterRow> = {}): ShelterRow => ({
    line: 2,
    place: 'cq.yz',
    name: ' 体育馆 ',
    lon: '106.56',
    lat: '29.55',
    capacity_day: '2000',
    capacity_night: '1500',
    type: '室内',
    offers: '床位、无障碍, pets',
    address: '',
    ...o,
  });

  it('reads the words a file may use and names why a row is refused', () => {
    expect(admitShelterRow(row())).toEqual({
      ok: {
        place: 'cq.yz',
        name: '体育馆',
        address: null,
        lon: 106.56,
        lat: 29.55,
        capacityDay: 2000,
        capacityNight: 1500,
        type: 'indoor',
        offers: ['accessible', 'beds', 'pets'],
      },
    });
    expect(admitShelterRow(row({ name: '  ' }))).toEqual({ reject: 'bad_name' });
    expect(admitShelterRow(row({ lat: '91' }))).toEqual({ reject: 'bad_location' });
    expect(admitShelterRow(row({ lon: 'east' }))).toEqual({ reject: 'bad_location' });
    expect(admitShelterRow(row({ capacity_day: '-1' }))).toEqual({ reject: 'bad_capacity' });
    expect(admitShelterRow(row({ capacity_night: '1.5' }))).toEqual({ reject: 'bad_capacity' });
    expect(admitShelterRow(row({ type: 'tent' }))).toEqual({ reject: 'bad_type' });
    expect(admitShelterRow(row({ offers: 'beds,wifi' }))).toEqual({ reject: 'bad_offers' });
    expect(typeWord(' Outdoor ')).toBe('outdoor');
    expect(offerWords('')).toEqual([]);
  });

  it('keeps no phone or ID number whole in the audit trail', () => {
    expect(maskedQuery('13800001234')).toBe('138****1234');
    expect(maskedQuery('50010119900101123X')).toBe('500***********123X');
    expect(maskedQuery('张')).toBe('张');
  });
});
