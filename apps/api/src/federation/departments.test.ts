/**
 * Hand-offs between departments of one city: public security (市公安局, its own instance, code
 * `cqga`) holds the location data and hands a companion to the health instance of 重庆 (`cq`).
 * Every message to or from a department names its purpose; every read of a hand-off is an audit
 * row with the reader's purpose.
 */
import { pseudonymOf } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { insertCase, upsertCompanions } from '@renxing/modules/cases';
import { upsertPeople } from '@renxing/modules/people';
import { afterEach, expect, it } from 'vitest';
import { addUser, seedCity } from '../test-support.js';
import { type City, call, city, NOW, register, stateOf, until } from './test-support.js';

const SECRET = Buffer.from('chongqing-city-secret-0123456789abcdef');

forEachDatabase(
  'federation between departments of one city',
  (t) => {
    const open: City[] = [];
    afterEach(async () => {
      for (const c of open.splice(0)) await c.app.close();
    });

    it('public security hands a companion to health with its purpose; each read is recorded with its purpose', async () => {
      // Health: the city's own instance, with the resident.
      await seedCity(t.db);
      await upsertPeople(t.db, [{ name: '张三', phone: '13900000002', community: 'cq.yz.jd01.sq01' }], {
        secret: SECRET,
      });
      // Public security: the same city's places, its own instance and code, the location data.
      const dbGa = await t.another();
      await seedCity(dbGa);
      await addUser(dbGa, 'ga_admin', 'city_admin', 'cq');
      const c = await insertCase(dbGa, {
        label: '病例3',
        subjectPseudonym: 'case-3',
        confirmedAt: new Date((NOW - 86_400) * 1000),
        preset: 'default',
      });
      const [companion] = await upsertCompanions(dbGa, c.id, [
        {
          subjectPseudonym: pseudonymOf(SECRET, '13900000002'),
          cell: '5:6',
          overlapStart: NOW - 7200,
          overlapEnd: NOW - 6000,
          overlapS: 1200,
        },
      ]);
      const health = await city(t.db, 'cq', SECRET);
      const ga = await city(dbGa, 'cq', SECRET, { federationId: 'cqga', admin: 'ga_admin' });
      open.push(health, ga);
      await register(health, { code: 'cqga', name: '市公安局', baseUrl: ga.url, kind: 'department' });
      await register(ga, { code: 'cq', name: '市卫健委', baseUrl: health.url });
      const peers = await call(health, 'GET', '/api/federation/peers');
      expect(peers.body[0]).toMatchObject({ code: 'cqga', kind: 'department', places: ['cq'] });

      const request = {
        peer: 'cq',
        kind: 'companion',
        companionId: companion.id,
        homePlace: 'cq.yz.jd01.sq01',
        reason: '时空伴随者，请社区核查',
      };
      const noPurpose = await call(ga, 'POST', '/api/handoffs', request);
      expect(noPurpose.status).toBe(400);
      expect(noPurpose.body.message).toContain('body.purpose');
      const sent = await call(ga, 'POST', '/api/handoffs', {
        ...request,
        purpose: '疫情流调：核查时空伴随者',
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      await until(async () => (await stateOf(ga, sent.body.id)) === 'sent');

      // Health reads it twice, with and without its own purpose: two audit rows.
      const first = await call(
        health,
        'GET',
        `/api/handoffs/${sent.body.id}?purpose=${encodeURIComponent('安排社区核查')}`,
      );
      expect(first.body).toMatchObject({ purpose: '疫情流调：核查时空伴随者', peerName: '市公安局' });
      const second = await call(health, 'GET', `/api/handoffs/${sent.body.id}`);
      expect(second.body.reads.total).toBe(2);
      const { rows } = await t.db.query<{ reason: string; actor: string }>(
        `SELECT reason, actor FROM audit_log WHERE action = 'federation.handoff.read' AND subject_id = $1 ORDER BY seq`,
        [sent.body.id],
      );
      expect(rows.map((r) => r.reason)).toEqual(['安排社区核查', '疫情流调：核查时空伴随者']);
      expect(rows.every((r) => r.actor === health.admin.userId)).toBe(true);
      const received = await t.db.query<{ detail: { purpose?: string } }>(
        `SELECT detail FROM audit_log WHERE action = 'federation.handoff.receive'`,
      );
      expect(received.rows[0].detail.purpose).toBe('疫情流调：核查时空伴随者');

      // Same city, same key: health finds its resident.
      const accepted = await call(health, 'POST', `/api/handoffs/${sent.body.id}/accept`, {});
      const person = await t.db.query<{ name: string }>('SELECT name FROM people WHERE id = $1', [
        accepted.body.personId,
      ]);
      expect(person.rows[0].name).toBe('张三');
      await until(async () => (await stateOf(ga, sent.body.id)) === 'accepted');
    });
  },
  { migrate: true },
);
