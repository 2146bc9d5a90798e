/**
 * Matching runs on both databases: capacity left today (offers held count against it; urgent first
 * when it is short), the reasons of unmatched requests as the contract words them, no second offer
 * of a request to a volunteer who declined it, and the run's record and audit row.
 */
import { forEachDatabase } from '@renxing/db/testing';
import { describe, expect, it } from 'vitest';
import type { MatchVolunteer } from '../rules/match-types.js';
import type { AidRequest } from '../store/requests.js';
import { at, residentActor, seedAidCity, staffActor, volunteerActor } from '../test-support.js';
import { cityDay, matchingInput, runAidMatching } from './matching.js';
import { respondAidMatch } from './offers.js';
import { createAidRequest, getAidRequest } from './requests.js';

describe('the matching input', () => {
  const request = (id: string, need: string) =>
    ({ id, need, urgency: 'normal', lon: 0, lat: 0, from: at(0), to: at(1) }) as AidRequest;
  const volunteer = (id: string, skills: string[]): MatchVolunteer => ({
    id,
    skills,
    lon: 0,
    lat: 0,
    windows: [],
    capacity: 1,
  });

  it('gives a request declined by some a private skill the other holders of its need have', () => {
    const input = matchingInput(
      [request('r1', 'medical'), request('r2', 'medical')],
      [volunteer('a', ['medical']), volunteer('b', ['medical', 'transport']), volunteer('c', ['transport'])],
      new Map([['r1', new Set(['a'])]]),
    );
    expect(input.requests.map((r) => r.need)).toEqual(['medical#r1', 'medical']);
    expect(input.volunteers.map((v) => v.skills)).toEqual([
      ['medical'],
      ['medical', 'transport', 'medical#r1'],
      ['transport'],
    ]);
  });

  it('reads the city day at +08:00', () => {
    expect(cityDay(new Date('2026-12-06T23:30:00+08:00')).from.toISOString()).toBe(
      '2026-12-05T16:00:00.000Z',
    );
    expect(cityDay(new Date('2026-12-06T00:00:00+08:00')).to.toISOString()).toBe('2026-12-06T16:00:00.000Z');
  });
});

forEachDatabase(
  'mutual aid: matching runs',
  (t) => {
    it('hands out only the capacity left today, urgent first; reasons for the rest; no offer again to a decliner', async () => {
      const city = await seedAidCity(t.db);
      const worker = staffActor(city.users.admin, 'city_admin', 'cq');
      const ask = async (personId: string, need: string, urgency: 'urgent' | 'normal', from = 1, to = 3) =>
        (await createAidRequest(t.db, { personId, need, urgency, from: at(from), to: at(to) }, worker))
          .request.id;
      const a = await ask(city.people.zhang, 'medicine_delivery', 'normal');
      const b = await ask(city.people.li, 'medicine_delivery', 'urgent');
      const c = await ask(city.people.wang, 'medicine_delivery', 'normal');
      const d = await ask(city.people.li, 'elderly_care', 'normal');
      const e = await ask(city.people.zhang, 'food_delivery', 'normal', 20, 22);

      // vol1 and vol2 (sq01) take one task a day each; vol9 is in 江北, beyond 3 km.
      const run = await runAidMatching(t.db, { actor: worker });
      expect(run.run).toMatchObject({
        requests: 5,
        volunteers: 3,
        matched: 2,
        trigger: 'on_demand',
        maxKm: 3,
      });
      const matched = run.matches.map((m) => m.request);
      expect(matched).toContain(b);
      expect(matched).toHaveLength(2);
      const left = [a, c].find((x) => !matched.includes(x))!;
      expect(Object.fromEntries(run.unmatched.map((u) => [u.request, u.reason]))).toEqual({
        [left]: 'no capacity',
        [d]: 'no skill',
        [e]: 'no availability',
      });
      expect(run.run.weight).toBe(4);
      const audit = await t.db.query<{ detail: { matched: number } }>(
        `SELECT detail FROM audit_log WHERE action = 'mutual_aid.match.run' AND subject_id = $1`,
        [run.run.id],
      );
      expect(audit.rows[0].detail.matched).toBe(2);

      // Run again the same day: the volunteers' offers still hold their capacity.
      const again = await runAidMatching(t.db, { actor: worker });
      expect(again.run.matched).toBe(0);
      expect(again.unmatched.find((u) => u.request === left)?.reason).toBe('no capacity');

      // A decline frees the volunteer's capacity; the request goes to someone else, not back to them.
      const offerOfB = run.matches.find((m) => m.request === b)!;
      const decliner = offerOfB.volunteer === city.volunteers.vol1 ? city.users.vol1 : city.users.vol2;
      await respondAidMatch(t.db, offerOfB.offer, { accept: false }, volunteerActor(decliner));
      const third = await runAidMatching(t.db, { actor: worker });
      expect(third.matches.find((m) => m.request === b)).toBeUndefined();
      // The decliner took the other open request instead (urgent b has no one else with capacity).
      expect(third.matches).toEqual([
        expect.objectContaining({ request: left, volunteer: offerOfB.volunteer }),
      ]);
      expect(third.unmatched.find((u) => u.request === b)?.reason).toBe('no capacity');

      const seen = await getAidRequest(t.db, b, residentActor(city.users.resident, city.people.zhang)).catch(
        (x) => x,
      );
      expect(seen.code).toBe('RX_NO_SUCH_AID_REQUEST');
    });
  },
  { migrate: true },
);
