import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { expect, it } from 'vitest';
import { availableAt } from '../rules/capacity.js';
import { countedOccupancy, occupantsOf } from '../store/checkins.js';
import { shelterById } from '../store/shelters.js';
import { checkInShelter, checkOutShelter } from './checkins.js';
import { findEvacuees, findShelterWithRoom } from './nearest.js';
import { createShelter, setShelterState } from './shelters.js';
import { actor, NIGHT, NOON, SECRET, SQ1, SQ2, SQ3, SQ9, shelterAt, testCity } from './test-support.js';

async function openShelter(db: Db, adminId: string, place: string, name: string, o = {}) {
  const admin = actor(adminId, 'cq');
  const s = await createShelter(db, shelterAt(place, name, o), admin);
  await setShelterState(db, s.id, 'open', admin);
  return s.id;
}

forEachDatabase(
  'shelters: occupancy',
  (t) => {
    it('occupancy comes from check-ins and check-outs of people, households and counts; available = capacity − occupancy', async () => {
      const { users, people, households } = await testCity(t.db);
      const id = await openShelter(t.db, users.admin, SQ1, '较场口小学', {
        capacityDay: 10,
        capacityNight: 6,
      });
      const worker = actor(users.worker1, SQ1);
      const household = await checkInShelter(t.db, id, { household: households.h1 }, worker);
      expect(household.checkIn).toMatchObject({ people: 3, householdId: households.h1, name: '较场口1号' });
      expect(household.shelter.occupancy).toBe(3);
      const count = await checkInShelter(
        t.db,
        id,
        { name: '过路旅客 陈先生', people: 2, note: '外地' },
        worker,
      );
      expect(count.checkIn).toMatchObject({ people: 2, personId: null, householdId: null, note: '外地' });
      const street = actor(users.street1, 'cq.yz.jd01');
      const person = await checkInShelter(t.db, id, { person: people.李娜 }, street);
      expect(person.checkIn).toMatchObject({ people: 1, personId: people.李娜, name: '李娜' });

      let s = (await shelterById(t.db, id))!;
      expect(s.occupancy).toBe(6);
      expect(await countedOccupancy(t.db, id)).toBe(6);
      expect(availableAt(s, NOON)).toBe(4);
      expect(availableAt(s, NIGHT)).toBe(0);

      // Check-out frees places; checking out twice changes nothing.
      const out = await checkOutShelter(t.db, count.checkIn.id, actor(users.worker1, SQ1, NIGHT));
      expect(out).toMatchObject({
        changed: true,
        shelter: { occupancy: 4 },
        checkIn: { checkedOutAt: NIGHT },
      });
      const twice = await checkOutShelter(t.db, count.checkIn.id, actor(users.worker1, SQ1, NIGHT));
      expect(twice).toMatchObject({ changed: false, shelter: { occupancy: 4 } });
      s = (await shelterById(t.db, id))!;
      expect(s.occupancy).toBe(4);
      expect(await countedOccupancy(t.db, id)).toBe(4);

      // The worker of sq01 sees the household of sq01 and the count they checked in, not 李娜 of sq02.
      const mine = await occupantsOf(t.db, id, { scope: SQ1, userId: users.worker1 });
      expect(mine.map((o) => o.name)).toEqual(['较场口1号']);
      expect((await occupantsOf(t.db, id)).map((o) => o.name).sort()).toEqual(['李娜', '较场口1号']);

      const audit = await t.db.query<{ action: string; n: number }>(
        `SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'shelter.check%' GROUP BY action ORDER BY action`,
      );
      expect(audit.rows).toEqual([
        { action: 'shelter.check_in', n: 3 },
        { action: 'shelter.check_out', n: 1 },
      ]);
    });

    it('refuses a check-in that would take available below zero, by day and by night, and into a closed shelter', async () => {
      const { users } = await testCity(t.db);
      const id = await openShelter(t.db, users.admin, SQ1, '小学', { capacityDay: 10, capacityNight: 6 });
      const day = actor(users.worker1, SQ1, NOON);
      const night = actor(users.worker1, SQ1, NIGHT);
      await checkInShelter(t.db, id, { name: '甲家', people: 5 }, day);
      // Night: 6 places, 5 in: one fits, two do not.
      await expect(checkInShelter(t.db, id, { name: '乙家', people: 2 }, night)).rejects.toMatchObject({
        code: 'RX_SHELTER_FULL',
        params: { available: 1, people: 2 },
      });
      await checkInShelter(t.db, id, { name: '丙', people: 1 }, night);
      await expect(checkInShelter(t.db, id, { name: '丁', people: 1 }, night)).rejects.toMatchObject({
        code: 'RX_SHELTER_FULL',
      });
      // Day: 10 places, 6 in: exactly four more.
      await expect(checkInShelter(t.db, id, { name: '戊家', people: 5 }, day)).rejects.toMatchObject({
        code: 'RX_SHELTER_FULL',
        params: { available: 4 },
      });
      await checkInShelter(t.db, id, { name: '戊家', people: 4 }, day);
      expect((await shelterById(t.db, id))!.occupancy).toBe(10);
      // 10 people in at night with 6 places: available −4, nobody more, shown as 0 left.
      await expect(checkInShelter(t.db, id, { name: '己', people: 1 }, night)).rejects.toMatchObject({
        code: 'RX_SHELTER_FULL',
        params: { available: 0 },
      });
      // A refused check-in changed nothing.
      expect(await countedOccupancy(t.db, id)).toBe(10);
      await setShelterState(t.db, id, 'closed', actor(users.admin, 'cq'));
      await expect(checkInShelter(t.db, id, { name: '庚', people: 1 }, day)).rejects.toMatchObject({
        code: 'RX_SHELTER_CLOSED',
      });
    });

    it('a person or household is in one shelter at a time; others’ people and shelters read as not found', async () => {
      const { users, people, households } = await testCity(t.db);
      const a = await openShelter(t.db, users.admin, SQ1, '甲');
      const b = await openShelter(t.db, users.admin, 'cq.yz', '体育馆');
      const c = await openShelter(t.db, users.admin, SQ3, '朝东路小学');
      const worker = actor(users.worker1, SQ1);
      const zhang = await checkInShelter(t.db, a, { person: people.张伟 }, worker);
      await expect(checkInShelter(t.db, b, { person: people.张伟 }, worker)).rejects.toMatchObject({
        code: 'RX_ALREADY_CHECKED_IN',
        params: { name: '张伟', shelter: '甲' },
      });
      // His household cannot check in whole while he is in; 王芳 alone can.
      await expect(checkInShelter(t.db, b, { household: households.h1 }, worker)).rejects.toMatchObject({
        code: 'RX_ALREADY_CHECKED_IN',
      });
      await checkInShelter(t.db, b, { person: people.王芳 }, worker);
      await checkOutShelter(t.db, zhang.checkIn.id, worker);
      await checkOutShelter(t.db, (await occupantsOf(t.db, b))[0].id, worker);
      const whole = await checkInShelter(
        t.db,
        b,
        { household: households.h1, people: 4, name: '张伟一家' },
        worker,
      );
      expect(whole.checkIn).toMatchObject({ people: 4, name: '张伟一家' });
      await expect(checkInShelter(t.db, a, { person: people.张小伟 }, worker)).rejects.toMatchObject({
        code: 'RX_ALREADY_CHECKED_IN',
        params: { name: '张伟一家', shelter: '体育馆' },
      });
      // 李娜 lives in sq02: not the sq01 worker's to check in; sq03's shelter is not theirs to use.
      await expect(checkInShelter(t.db, a, { person: people.李娜 }, worker)).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      await expect(checkInShelter(t.db, c, { name: '某', people: 1 }, worker)).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      await expect(checkOutShelter(t.db, whole.checkIn.id, actor(users.jb1, 'cq.jb'))).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      await expect(checkInShelter(t.db, a, { name: ' ', people: 1 }, worker)).rejects.toMatchObject({
        code: 'RX_VALIDATION',
      });
    });

    it('nearest with room: among open shelters with available ≥ n, the least distance from the community centre; ties by id', async () => {
      const { users, people, households } = await testCity(t.db);
      const admin = actor(users.admin, 'cq');
      // At sq01's centre, 3 places left; at sq02's, two twins; the district's stadium; a closed one at sq01.
      const near = await openShelter(t.db, users.admin, SQ1, '较场口小学', {
        capacityDay: 3,
        capacityNight: 3,
      });
      const twin1 = await openShelter(t.db, users.admin, SQ2, '民族路一号');
      const twin2 = await openShelter(t.db, users.admin, SQ2, '民族路二号');
      const stadium = await openShelter(t.db, users.admin, 'cq.yz', '体育馆', {
        capacityDay: 150,
        capacityNight: 150,
      });
      await createShelter(t.db, shelterAt(SQ1, '关闭的', { lon: 106.5741 }), admin);
      await openShelter(t.db, users.admin, SQ9, '江北小学');
      const worker = actor(users.worker1, SQ1);

      const three = await findShelterWithRoom(
        t.db,
        { people: 3, from: { household: households.h1 } },
        worker,
      );
      expect(three.from).toMatchObject({ source: 'community', place: SQ1, lon: 106.574, lat: 29.552 });
      expect(three.shelter).toMatchObject({ id: near, distanceM: 0 });
      // The worker reaches sq01's shelters and those above (the stadium); the street officer also sq02's.
      const forWorker = await findShelterWithRoom(
        t.db,
        { people: 4, from: { household: households.h1 } },
        worker,
      );
      expect(forWorker.shelter?.id).toBe(stadium);
      const street = actor(users.street1, 'cq.yz.jd01');
      const four = await findShelterWithRoom(t.db, { people: 4, from: { household: households.h1 } }, street);
      const [first, second] = [twin1, twin2].sort();
      expect(four.shelter?.id).toBe(first);
      expect(four.alternatives.map((s) => s.id)).toEqual([second, stadium]);
      // 李娜's home is a grid without a centre: measured from her community, sq02.
      const li = await findShelterWithRoom(t.db, { people: 1, from: { person: people.李娜 } }, street);
      expect(li.from).toMatchObject({ place: SQ2, source: 'community' });
      expect(li.shelter?.distanceM).toBe(0);
      // Nobody in reach has room for 151; the 江北 shelter is never offered to a 渝中 worker.
      expect(
        (await findShelterWithRoom(t.db, { people: 151, from: { place: SQ1 } }, admin)).shelter,
      ).toBeNull();
      const fromJb = await findShelterWithRoom(
        t.db,
        { people: 1, from: { lon: 106.53, lat: 29.58 } },
        worker,
      );
      expect(fromJb.shelter?.name).not.toBe('江北小学');
      await expect(
        findShelterWithRoom(t.db, { people: 1, from: { person: people.赵六 } }, worker),
      ).rejects.toMatchObject({ code: 'RX_NOT_FOUND' });
    });

    it('finds evacuees by name, phone or ID number with their household and where they are, audited without the number', async () => {
      const { users, people } = await testCity(t.db);
      const a = await openShelter(t.db, users.admin, SQ1, '较场口小学');
      const worker = actor(users.worker1, SQ1);
      await checkInShelter(t.db, a, { person: people.王芳 }, worker);
      const byPhone = await findEvacuees(t.db, '13800000001', { secret: SECRET, actor: worker });
      expect(byPhone).toHaveLength(1);
      expect(byPhone[0]).toMatchObject({
        name: '张伟',
        phoneMasked: '138****0001',
        household: { members: 3, address: '较场口1号' },
        checkIn: null,
      });
      const byId = await findEvacuees(t.db, '500103199001011234', { secret: SECRET, actor: worker });
      expect(byId.map((p) => p.name)).toEqual(['张伟']);
      const byName = await findEvacuees(t.db, '王', { secret: SECRET, actor: worker });
      expect(byName[0]).toMatchObject({ name: '王芳', checkIn: { shelter: '较场口小学', as: 'person' } });
      expect(await findEvacuees(t.db, '李娜', { secret: SECRET, actor: worker })).toEqual([]);
      const trail = await t.db.query<{ detail: { q: string } }>(
        "SELECT detail FROM audit_log WHERE action = 'shelters.evacuee.search' ORDER BY seq",
      );
      expect(trail.rows.map((r) => r.detail.q)).toEqual(['138****0001', '500***********1234', '王', '李娜']);
    });

    it('after any sequence of check-ins and check-outs the occupancy is the sum of the stays still in', async () => {
      const { users } = await testCity(t.db);
      const id = await openShelter(t.db, users.admin, SQ1, '小学', { capacityDay: 12, capacityNight: 12 });
      const worker = actor(users.worker1, SQ1);
      let seed = 7;
      const random = () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed / 2 ** 32;
      };
      const stays: string[] = [];
      let expected = 0;
      let refused = 0;
      for (let i = 0; i < 60; i++) {
        if (stays.length > 0 && random() < 0.4) {
          const k = Math.floor(random() * stays.length);
          const r = await checkOutShelter(t.db, stays[k], worker);
          if (r.changed) expected -= r.checkIn.people;
          if (random() < 0.5) stays.splice(k, 1); // sometimes kept, to be checked out twice
          continue;
        }
        const people = 1 + Math.floor(random() * 5);
        try {
          stays.push((await checkInShelter(t.db, id, { name: `第${i}组`, people }, worker)).checkIn.id);
          expected += people;
        } catch (e) {
          expect(e).toMatchObject({ code: 'RX_SHELTER_FULL' });
          expect(expected + people).toBeGreaterThan(12);
          refused++;
        }
        expect(expected).toBeLessThanOrEqual(12);
      }
      expect(refused).toBeGreaterThan(0);
      expect((await shelterById(t.db, id))!.occupancy).toBe(expected);
      expect(await countedOccupancy(t.db, id)).toBe(expected);
    });
  },
  { migrate: true },
);
