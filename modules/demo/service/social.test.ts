import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import { AID_NOTICE_KIND, listAidRequests, listMyOffers, systemActor } from '@renxing/modules/mutual-aid';
import { listReports, listWarnings, REPORT_KIND } from '@renxing/modules/participation';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { listOrganisations, listVolunteers, volunteerOfUser } from '@renxing/modules/volunteers';
import { listNotifications } from '@renxing/notify';
import { describe, expect, it } from 'vitest';
import { demoCity } from './places.js';
import { type DemoPlace, planVolunteers, ResidentPool, rankCommunities, seedSocial } from './social.js';
import { BASELINE_DAYS_WITH_ONE, SPIKE_HOURS } from './social-reports.js';

const NOW = new Date('2026-12-06T06:20:00Z'); // 14:20 in the city
const FOCUS = 'cq.yz.jd01.sq01';
const city = demoCity([106.55, 29.56]);
const placeOf = new Map(
  city.places.map((p) => [p.parentPath ? `${p.parentPath}.${p.code}` : p.code, p] as const),
);
const district = city.communities.filter((c) => c.startsWith('cq.yz.'));
const far = 'cq.na.jd16.sq64';

/** Residents: 60 in the focus community, 14 in each other community of its district, 6 across the city. */
function residents() {
  const out: { name: string; phone: string; community: string; household: string }[] = [];
  const add = (community: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const k = out.length;
      out.push({
        name: `居民${k}`,
        phone: `139${String(k).padStart(8, '0')}`,
        community,
        household: `h${k}`,
      });
    }
  };
  add(FOCUS, 60);
  for (const c of district) if (c !== FOCUS) add(c, 14);
  add(far, 6);
  return out;
}

describe('the demo volunteers', () => {
  const places: DemoPlace[] = district.map((path, i) => ({
    path,
    name: placeOf.get(path)!.name,
    lon: placeOf.get(path)!.lon!,
    lat: placeOf.get(path)!.lat!,
    residents: 100 + ((i * 37) % 50),
  }));
  const ranked = rankCommunities(places, FOCUS);
  const pool = () =>
    new ResidentPool(
      new Map(
        district.map((c) => [
          c,
          Array.from({ length: 30 }, (_, i) => ({ id: `${c}-${i}`, name: `${c}居民${i}`, community: c })),
        ]),
      ),
    );
  const hour = new Date('2026-12-06T06:00:00Z');
  const plans = planVolunteers(ranked, pool(), hour, 'cq.yz.jd01');

  it('puts ~150 near their communities, officials at the busiest, the same every time', () => {
    expect(planVolunteers(ranked, pool(), hour, 'cq.yz.jd01')).toEqual(plans);
    expect(ranked[0].path).toBe(FOCUS);
    expect(plans).toHaveLength(150);
    expect(new Set(plans.map((p) => p.community))).toEqual(new Set(district));
    expect(new Set(plans.map((p) => p.phone)).size).toBe(150);
    expect(new Set(plans.map((p) => `${p.community}|${p.name}`)).size).toBe(150);
    const posted = plans.filter((p) => p.posted);
    expect(posted).toHaveLength(14);
    expect(new Set(posted.map((p) => p.community))).toEqual(new Set(ranked.slice(0, 4).map((c) => c.path)));
    expect(posted.every((p) => p.organisation === 'health' || p.organisation === 'civil')).toBe(true);
    for (const p of plans) {
      const c = placeOf.get(p.community)!;
      const metres = Math.hypot((p.lon - c.lon!) * 96_800, (p.lat - c.lat!) * 110_540);
      expect(metres).toBeLessThan(1_800);
      expect(p.skills.length).toBeGreaterThan(0);
      expect(p.windows.length).toBeGreaterThan(0);
    }
    const verified = plans.filter((p) => p.verified).length;
    expect(verified).toBeGreaterThan(110);
    expect(verified).toBeLessThan(150);
    // A third of the ordinary volunteers are residents of the registry.
    expect(plans.filter((p) => p.personId).length).toBeGreaterThan(40);
  });
});

forEachDatabase(
  'demo city: social resilience',
  (t) => {
    it('seeds volunteers, a day of aid and reports, and exactly one early warning; seeding again changes nothing', async () => {
      const db = t.db;
      await insertPlaces(db, city.places);
      await upsertPeople(db, residents(), { secret: Buffer.from('d'.repeat(32)) });
      const admin = await insertUser(db, {
        username: 'admin',
        passwordHash: 'x',
        role: 'city_admin',
        placePath: 'cq',
      });
      const worker = await insertUser(db, {
        username: 'worker',
        passwordHash: 'x',
        role: 'community_worker',
        placePath: FOCUS,
      });
      const volunteer = await insertUser(db, {
        username: 'volunteer',
        passwordHash: 'x',
        role: 'volunteer',
        placePath: FOCUS,
      });
      const { rows } = await db.query<{ id: string }>(
        `SELECT pe.id FROM people pe JOIN places h ON h.id = pe.home_place_id WHERE h.path = $1 ORDER BY pe.phone LIMIT 1`,
        [FOCUS],
      );
      const resident = await insertUser(db, {
        username: 'resident',
        passwordHash: 'x',
        role: 'resident',
        personId: rows[0].id,
      });
      const options = {
        now: NOW,
        admin: admin.id,
        worker: worker.id,
        focus: FOCUS,
        volunteerUser: volunteer.id,
        residentUser: resident.id,
        password: 'demo-password',
      };
      const lines: string[] = [];
      const first = await seedSocial(db, { ...options, log: (l) => lines.push(l) });

      // Organisations and volunteers.
      expect(first).toMatchObject({ organisations: 6, volunteers: 150, posted: 14 });
      const orgs = await listOrganisations(db, { scope: null });
      expect(orgs.map((o) => o.kind).sort()).toEqual(
        ['enterprise', 'property_mgmt', 'social_org', 'unit', 'unit', 'volunteer_team'].sort(),
      );
      const { volunteers, total } = await listVolunteers(db, { scope: 'cq', limit: 1000 });
      expect(total).toBe(150);
      expect(volunteers.filter((v) => v.state === 'verified')).toHaveLength(first.verified);
      expect(first.verified).toBeGreaterThan(110);
      expect(volunteers.every((v) => !v.posted || v.organisation?.kind === 'unit')).toBe(true);
      const mine = await volunteerOfUser(db, volunteer.id);
      expect(mine).toMatchObject({ community: FOCUS, state: 'verified' });
      expect(mine!.skills).toContain('medicine_delivery');

      // Mutual aid: every state on the board, two expired, one asked twice and caught.
      expect(Object.keys(first.requests).sort()).toEqual([
        'accepted',
        'cancelled',
        'done',
        'expired',
        'matched',
        'open',
      ]);
      expect(first.requests.expired).toBe(2);
      expect(first.requests.cancelled).toBe(1);
      expect(first.duplicatesCaught).toBe(1);
      expect(first.run!.matched).toBeGreaterThan(15);
      expect(first.run!.unmatched).toBeGreaterThan(0);
      const all = await listAidRequests(db, { limit: 1000 }, systemActor(NOW));
      expect(all.total).toBe(Object.values(first.requests).reduce((a, b) => a + b, 0));
      expect(all.requests.filter((r) => r.urgency === 'urgent').length).toBeGreaterThan(3);
      // The demo resident's medicine request, and the demo volunteer's offers (one done, one waiting).
      const theirs = all.requests.filter((r) => r.requesterId === rows[0].id);
      expect(theirs.map((r) => r.need)).toContain('medicine_delivery');
      const offers = await listMyOffers(
        db,
        {},
        { userId: volunteer.id, role: 'volunteer', scope: null, personId: null, now: NOW },
      );
      expect(offers.offers.map((x) => x.state).sort()).toEqual(['done', 'offered']);
      // The resident was told of each change of their request and of the answer to their report, in the app.
      const told = await listNotifications(db, { userId: resident.id, personId: rows[0].id }, { limit: 100 });
      const kinds = told.notifications.map((n) => n.kind);
      expect(kinds.filter((k) => k === AID_NOTICE_KIND).length).toBeGreaterThanOrEqual(2);
      expect(kinds).toContain(REPORT_KIND);

      // Participation: every category, a near-duplicate issue with supporters, public answers, breaches.
      const p = first.participation;
      expect(Object.keys(p.byCategory).sort()).toEqual([
        'complaint',
        'hazard',
        'health_symptom',
        'need',
        'suggestion',
      ]);
      expect(p.supporters).toBe(3);
      expect(p.publicResponses).toBeGreaterThanOrEqual(3);
      expect(p.breaches).toBeGreaterThan(0);
      // The early warning: the focus community only, from its nine residents of the last 24 h.
      expect(p.warnings).toEqual([FOCUS]);
      const warnings = await listWarnings(db, { scope: 'cq', limit: 10 });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ placePath: FOCUS, n: SPIKE_HOURS.length });
      expect(warnings[0].reportIds).toHaveLength(SPIKE_HOURS.length);
      const mean = BASELINE_DAYS_WITH_ONE.length / 14;
      expect(warnings[0].m).toBeCloseTo(mean, 6);
      expect(lines.join('\n')).toMatch(/social: 6 organisations, 150 volunteers/);
      expect(lines.join('\n')).toMatch(/early warning in cq\.yz\.jd01\.sq01/);

      // Again: nothing new.
      const reports = (await listReports(db, { scope: 'cq', limit: 1, offset: 0 })).total;
      const again = await seedSocial(db, { ...options, log: () => {} });
      expect(again).toEqual({ ...first, run: null, duplicatesCaught: 0 });
      expect((await listVolunteers(db, { scope: 'cq', limit: 1 })).total).toBe(150);
      expect((await listAidRequests(db, { limit: 1 }, systemActor(NOW))).total).toBe(all.total);
      expect((await listReports(db, { scope: 'cq', limit: 1, offset: 0 })).total).toBe(reports);
      expect(await listWarnings(db, { scope: 'cq', limit: 10 })).toHaveLength(1);
    });
  },
  { migrate: true },
);
