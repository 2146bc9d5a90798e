/**
 * Mutual aid through the API as its callers meet it, on both databases: the duplicate rule, the
 * request's states (open → matched → declined/open → matched → accepted → done), the phones
 * revealed only on acceptance, what a volunteer and a resident may see, expiry into the
 * community's inbox, and the scheduled matcher (off in an app without configuration, callable).
 */
import { forEachDatabase } from '@renxing/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { startAidMatcher } from '../service/scheduler.js';
import { aidApp, at, NOW, SQ1, seedAidCity, signIn } from '../test-support.js';

const window = (from: number, to: number) => ({ from: at(from).toISOString(), to: at(to).toISOString() });

forEachDatabase(
  'mutual aid: http',
  (t) => {
    let app: FastifyInstance | undefined;
    const clock = { now: NOW.getTime() / 1000 };
    afterEach(async () => {
      await app?.close();
      app = undefined;
      clock.now = NOW.getTime() / 1000;
    });

    async function setup() {
      const city = await seedAidCity(t.db);
      app = await aidApp(t.db, clock);
      return { city, as: (u: string) => signIn(app!, u) };
    }

    const count = async (sql: string, params: unknown[] = []) =>
      Number((await t.db.query<{ n: string | number }>(sql, params)).rows[0].n);

    it('the same requester, need and an overlapping window is the same request: 200 naming it, nothing new', async () => {
      const { city, as } = await setup();
      const resident = await as('resident');
      const worker = await as('worker1');
      const first = await resident('POST', '/api/aid/requests', {
        need: 'medicine_delivery',
        urgency: 'urgent',
        window: window(1, 4),
        notes: '降压药',
      });
      expect(first.statusCode).toBe(201);
      const id = first.json().request.id;
      expect(first.json()).toMatchObject({
        created: true,
        duplicateOf: null,
        request: {
          requesterId: city.people.zhang,
          state: 'open',
          atHome: true,
          placePath: SQ1,
          address: '较场口1号',
        },
      });
      // The home's point: the community's centre.
      expect(first.json().request).toMatchObject({ lon: 106.574, lat: 29.552 });

      // Overlapping windows, by the resident or by a worker for them: the same request.
      const again = await resident('POST', '/api/aid/requests', {
        need: 'medicine_delivery',
        urgency: 'normal',
        window: window(3, 6),
      });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ created: false, duplicateOf: id, request: { id } });
      const byWorker = await worker('POST', '/api/aid/requests', {
        personId: city.people.zhang,
        need: 'medicine_delivery',
        urgency: 'normal',
        window: window(0, 2),
      });
      expect(byWorker.statusCode).toBe(200);
      expect(byWorker.json().duplicateOf).toBe(id);
      // As the form is filled.
      const dup = await resident(
        'GET',
        `/api/aid/requests/duplicate?need=medicine_delivery&from=${encodeURIComponent(at(2).toISOString())}&to=${encodeURIComponent(at(3).toISOString())}`,
      );
      expect(dup.json().duplicate.id).toBe(id);

      // Another need, a window that only touches, another person: new requests.
      const food = await resident('POST', '/api/aid/requests', {
        need: 'food_delivery',
        urgency: 'normal',
        window: window(1, 4),
      });
      expect(food.statusCode).toBe(201);
      const later = await resident('POST', '/api/aid/requests', {
        need: 'medicine_delivery',
        urgency: 'normal',
        window: window(4, 6),
      });
      expect(later.statusCode).toBe(201);
      const li = await worker('POST', '/api/aid/requests', {
        personId: city.people.li,
        need: 'medicine_delivery',
        urgency: 'normal',
        window: window(1, 4),
        location: { lon: 106.575, lat: 29.553 },
      });
      expect(li.statusCode).toBe(201);
      expect(li.json().request).toMatchObject({ atHome: false, lon: 106.575, lat: 29.553 });
      expect(await count('SELECT count(*) AS n FROM aid_requests')).toBe(4);

      // A cancelled request is no longer live: the same ask is new again.
      const cancel = await resident('POST', `/api/aid/requests/${id}/cancel`, { reason: '已自行买到' });
      expect(cancel.json().request.state).toBe('cancelled');
      const fresh = await resident('POST', '/api/aid/requests', {
        need: 'medicine_delivery',
        urgency: 'urgent',
        window: window(1, 3),
      });
      expect(fresh.statusCode).toBe(201);
    });

    it('a resident sees only their own requests; staff only those of their place', async () => {
      const { city, as } = await setup();
      const resident = await as('resident');
      const worker = await as('worker1');
      const jb = await as('jb');
      const own = await resident('POST', '/api/aid/requests', {
        need: 'food_delivery',
        urgency: 'normal',
        window: window(1, 3),
      });
      const other = await worker('POST', '/api/aid/requests', {
        personId: city.people.li,
        need: 'food_delivery',
        urgency: 'normal',
        window: window(1, 3),
      });
      expect(other.statusCode).toBe(201);
      const mine = await resident('GET', '/api/aid/requests');
      expect(mine.json().requests.map((r: { id: string }) => r.id)).toEqual([own.json().request.id]);
      expect((await resident('GET', `/api/aid/requests/${other.json().request.id}`)).statusCode).toBe(404);
      expect(
        (await resident('POST', `/api/aid/requests/${other.json().request.id}/cancel`, {})).statusCode,
      ).toBe(404);
      // Not for someone else.
      const forLi = await resident('POST', '/api/aid/requests', {
        personId: city.people.li,
        need: 'transport',
        urgency: 'normal',
        window: window(1, 3),
      });
      expect(forLi.statusCode).toBe(404);
      // The worker sees both; 江北's district officer neither, and cannot ask for 张三.
      expect((await worker('GET', '/api/aid/requests')).json().total).toBe(2);
      expect((await jb('GET', '/api/aid/requests')).json()).toEqual({ requests: [], total: 0 });
      expect((await jb('GET', `/api/aid/requests/${own.json().request.id}`)).statusCode).toBe(404);
      const outside = await jb('POST', '/api/aid/requests', {
        personId: city.people.zhang,
        need: 'transport',
        urgency: 'normal',
        window: window(1, 3),
      });
      expect(outside.statusCode).toBe(404);
      expect(outside.json().code).toBe('RX_AID_NO_REQUESTER');
      // A volunteer is not admitted to requests at all, nor a resident to the matching.
      expect((await (await as('vol1'))('GET', '/api/aid/requests')).statusCode).toBe(404);
      expect((await resident('POST', '/api/aid/match', {})).statusCode).toBe(404);
    });

    it('open → matched → declined (open) → matched → accepted → done; phones only on acceptance; the requester told each time', async () => {
      const { city, as } = await setup();
      const resident = await as('resident');
      const worker = await as('worker1');
      const vol1 = await as('vol1');
      const vol2 = await as('vol2');
      const vol9 = await as('vol9');
      const created = await resident('POST', '/api/aid/requests', {
        need: 'medicine_delivery',
        urgency: 'urgent',
        window: window(1, 4),
        notes: '胰岛素',
      });
      const id = created.json().request.id;

      const run1 = await worker('POST', '/api/aid/match', {});
      expect(run1.statusCode).toBe(200);
      expect(run1.json().run).toMatchObject({ requests: 1, matched: 1, weight: 3, trigger: 'on_demand' });
      const first = run1.json().rows[0];
      expect(first).toMatchObject({ request: id, reason: null, state: 'matched' });
      const [firstVol, secondVol] = first.volunteer === city.volunteers.vol1 ? [vol1, vol2] : [vol2, vol1];

      // The volunteer sees name, address, need, window; no phone yet. Others see nothing of it.
      const offers = await firstVol('GET', '/api/aid/offers');
      expect(offers.statusCode).toBe(200);
      const offer = offers.json().offers[0];
      expect(offer).toMatchObject({
        state: 'offered',
        request: {
          id,
          requesterName: '张三',
          address: '较场口1号',
          need: 'medicine_delivery',
          notes: '胰岛素',
          phone: null,
        },
      });
      expect(JSON.stringify(offers.json())).not.toContain('13800000001');
      expect((await secondVol('GET', '/api/aid/offers')).json().offers).toEqual([]);
      expect((await vol9('GET', '/api/aid/offers')).json().offers).toEqual([]);
      expect(
        (await secondVol('POST', `/api/aid/offers/${offer.id}/respond`, { answer: 'accept' })).statusCode,
      ).toBe(404);
      // The requester sees the volunteer's name, not their phone.
      const matched = await resident('GET', `/api/aid/requests/${id}`);
      expect(matched.json().offers[0]).toMatchObject({ state: 'offered', volunteerPhone: null });

      // Decline: back to open; the next run offers it to the other volunteer.
      const declined = await firstVol('POST', `/api/aid/offers/${offer.id}/respond`, {
        answer: 'decline',
        note: '在外地',
      });
      expect(declined.statusCode).toBe(200);
      expect(declined.json()).toMatchObject({
        accepted: false,
        offer: { state: 'declined', request: { state: 'open', phone: null } },
      });
      const run2 = await worker('POST', '/api/aid/match', {});
      expect(run2.json().rows[0].volunteer).not.toBe(first.volunteer);
      expect(run2.json().rows[0].volunteer).not.toBeNull();
      const offer2 = (await secondVol('GET', '/api/aid/offers')).json().offers[0];
      expect(offer2.request.phone).toBeNull();

      // Accept: the requester's phone to the volunteer, the volunteer's to the requester.
      const accepted = await secondVol('POST', `/api/aid/offers/${offer2.id}/respond`, { answer: 'accept' });
      expect(accepted.json()).toMatchObject({
        accepted: true,
        offer: { state: 'accepted', request: { state: 'accepted', phone: '13800000001' } },
      });
      expect(
        (await secondVol('POST', `/api/aid/offers/${offer2.id}/respond`, { answer: 'decline' })).statusCode,
      ).toBe(409);
      const seen = await resident('GET', `/api/aid/requests/${id}`);
      const volunteerPhone = first.volunteer === city.volunteers.vol1 ? '13900000002' : '13900000001';
      expect(
        seen
          .json()
          .offers.map((o: { state: string; volunteerPhone: string | null }) => [o.state, o.volunteerPhone]),
      ).toEqual([
        ['declined', null],
        ['accepted', volunteerPhone],
      ]);
      // The declined volunteer never sees the phone.
      expect(JSON.stringify((await firstVol('GET', '/api/aid/offers')).json())).not.toContain('13800000001');

      // Done by the volunteer: hours recorded; again is refused; staff of another place cannot.
      const done = await secondVol('POST', `/api/aid/requests/${id}/complete`, { hours: 1.5 });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ request: { state: 'done' }, offer: { state: 'done' } });
      expect(
        await count('SELECT count(*) AS n FROM volunteer_hours WHERE source = $1', [`aid_request:${id}`]),
      ).toBe(1);
      expect((await worker('POST', `/api/aid/requests/${id}/complete`, {})).statusCode).toBe(409);
      expect((await resident('POST', `/api/aid/requests/${id}/cancel`, {})).statusCode).toBe(409);

      // Every change is in the history and was told to the requester (in-app).
      const history = (await resident('GET', `/api/aid/requests/${id}`))
        .json()
        .events.map((e: { state: string }) => e.state);
      expect(history).toEqual(['open', 'matched', 'declined', 'matched', 'accepted', 'done']);
      const told = await t.db.query<{ subject: string; text: string }>(
        `SELECT subject, text FROM notifications WHERE person_id = $1 AND ref = $2 ORDER BY created_at, id`,
        [city.people.zhang, id],
      );
      expect(told.rows).toHaveLength(6);
      expect(told.rows.some((r) => r.text.includes(volunteerPhone))).toBe(true);
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_log WHERE subject_id = $1 AND action LIKE 'mutual_aid.%'`,
          [id],
        ),
      ).toBe(4);
    });

    it('a request whose window passes unmatched expires into its community’s inbox; the board shows reasons', async () => {
      const { city, as } = await setup();
      const resident = await as('resident');
      const worker = await as('worker1');
      const created = await resident('POST', '/api/aid/requests', {
        need: 'translation',
        urgency: 'normal',
        window: window(0, 1),
      });
      const id = created.json().request.id;
      const run = await worker('POST', '/api/aid/match', {});
      expect(run.json().rows).toEqual([
        expect.objectContaining({ request: id, volunteer: null, reason: 'no skill', state: 'open' }),
      ]);
      const board = await worker('GET', '/api/aid/runs');
      expect(board.json().latest.rows[0]).toMatchObject({ request: id, reason: 'no skill' });
      expect(board.json().runs[0]).toMatchObject({ requests: 1, matched: 0, unmatchedCount: 1 });

      clock.now += 2 * 3600;
      const later = await worker('POST', '/api/aid/match', {});
      expect(later.json().expired).toEqual([id]);
      expect((await resident('GET', `/api/aid/requests/${id}`)).json().request.state).toBe('expired');
      const items = await t.db.query<{
        place_id: string;
        subject_person_id: string;
        origin_ref: string;
        state: string;
      }>(
        `SELECT place_id, subject_person_id, origin_ref, state FROM work_items WHERE origin = 'mutual_aid.expired'`,
      );
      expect(items.rows).toEqual([
        { place_id: city.places[SQ1], subject_person_id: city.people.zhang, origin_ref: id, state: 'open' },
      ]);
      // Again (a run needs no body): no second item, nothing more to expire.
      const again = await worker('POST', '/api/aid/match');
      expect(again.statusCode).toBe(200);
      expect(again.json().expired).toEqual([]);
      expect(await count(`SELECT count(*) AS n FROM work_items WHERE origin = 'mutual_aid.expired'`)).toBe(1);
    });

    it('the scheduled matcher is off in an app without configuration, and callable', async () => {
      const { as } = await setup();
      await app!.ready();
      const resident = await as('resident');
      await resident('POST', '/api/aid/requests', {
        need: 'food_delivery',
        urgency: 'normal',
        window: window(1, 3),
      });
      expect(await count('SELECT count(*) AS n FROM aid_runs')).toBe(0);
      const matcher = startAidMatcher({ db: t.db, now: () => clock.now, everySeconds: 3600 });
      try {
        const r = await matcher.tick();
        expect(r?.run).toMatchObject({ trigger: 'scheduled', requests: 1, matched: 1 });
      } finally {
        await matcher.stop();
      }
      expect(await matcher.tick()).toBeNull();
      const runs = await t.db.query<{ trigger: string; run_by: string | null }>(
        'SELECT trigger, run_by FROM aid_runs',
      );
      expect(runs.rows).toEqual([{ trigger: 'scheduled', run_by: null }]);
    });
  },
  { migrate: true },
);
