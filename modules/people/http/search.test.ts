/** listPeople: find people in your area by name, phone or ID number; every search audited. */

import { addUser, authHeaders, login, type Session, seedCity, testApp } from '@renxing/api/testing';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { listAudit } from '@renxing/modules/audit';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { upsertPeople } from '../store/people.js';

const CITY_SECRET = Buffer.from('search-test-city-secret-search-test-city-secret');

async function seed(db: Db) {
  await seedCity(db);
  await upsertPeople(
    db,
    [
      { name: '张三', phone: '13800000001', idNumber: '11010519491231002X', community: 'cq.yz.jd01.sq01' },
      { name: '张三丰', phone: '13800000002', community: 'cq.yz.jd01.sq02' },
      { name: '李四', phone: '13800000003', community: 'cq.yz.jd01.sq01' },
      { name: '张飞', phone: '13800000004', community: 'cq.yz.jd02.sq03' }, // outside street1
      { name: 'Zhang Wei', phone: '+4915112345678', community: 'cq.yz.jd01.sq02' },
    ],
    { secret: CITY_SECRET },
  );
  await addUser(db, 'sq01', 'community_worker', 'cq.yz.jd01.sq01');
  await addUser(db, 'health', 'health_officer', 'cq.yz');
  await addUser(db, 'lab', 'lab_user', 'cq');
  // 张三 has a yellow code.
  await db.query(
    `INSERT INTO health_codes (person_id, colour, since, reason, state)
     SELECT id, 'yellow', now(), '{}'::jsonb, '{}'::jsonb FROM people WHERE name = '张三'`,
  );
}

forEachDatabase(
  'people search api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    const get = (s: Session, url: string) => app!.inject({ method: 'GET', url, headers: authHeaders(s) });
    const names = (body: { people: { name: string }[] }) => body.people.map((p) => p.name);

    async function setup() {
      await seed(t.db);
      app = await testApp(t.db, 50, { citySecret: CITY_SECRET });
      return { street: await login(app, 'street1'), sq01: await login(app, 'sq01') };
    }

    it('finds by part of a name, within the caller’s place only, with masked phones and colours', async () => {
      const { street, sq01 } = await setup();
      const res = await get(street, `/api/people?q=${encodeURIComponent('张三')}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        total: 2,
        people: [
          {
            id: expect.any(String),
            name: '张三',
            phoneMasked: '138****0001',
            homePlacePath: 'cq.yz.jd01.sq01',
            homePlaceName: '社区一',
            colour: 'yellow',
          },
          {
            id: expect.any(String),
            name: '张三丰',
            phoneMasked: '138****0002',
            homePlacePath: 'cq.yz.jd01.sq02',
            homePlaceName: '社区二',
            colour: 'green',
          },
        ],
      });
      // 张飞 lives in another street: not found by street1, found by the district's health officer.
      expect(names((await get(street, `/api/people?q=${encodeURIComponent('张')}`)).json())).toEqual([
        '张三',
        '张三丰',
      ]);
      // The community worker sees only their community.
      expect(names((await get(sq01, `/api/people?q=${encodeURIComponent('张')}`)).json())).toEqual(['张三']);
      const health = await login(app!, 'health');
      expect(names((await get(health, `/api/people?q=${encodeURIComponent('张')}`)).json())).toEqual([
        '张三',
        '张三丰',
        '张飞',
      ]);
      // Case-insensitive for Latin names.
      expect(names((await get(street, '/api/people?q=zhang')).json())).toEqual(['Zhang Wei']);
    });

    it('finds by a whole phone number in any spelling and by ID number, never by part of a phone', async () => {
      const { street } = await setup();
      for (const phone of ['13800000003', '+86 138-0000-0003', '0086 13800000003']) {
        expect(
          names((await get(street, `/api/people?q=${encodeURIComponent(phone)}`)).json()),
          phone,
        ).toEqual(['李四']);
      }
      expect(
        names((await get(street, `/api/people?q=${encodeURIComponent('0049 151 12345678')}`)).json()),
      ).toEqual(['Zhang Wei']);
      // A fragment of a phone number matches nobody (no pattern over raw phones).
      expect((await get(street, '/api/people?q=1380000')).json()).toEqual({ total: 0, people: [] });
      expect((await get(street, '/api/people?q=0001')).json()).toEqual({ total: 0, people: [] });
      expect(names((await get(street, '/api/people?q=11010519491231002x')).json())).toEqual(['张三']);
      // A phone outside the caller's place reads like nobody.
      expect((await get(street, '/api/people?q=13800000004')).json()).toEqual({ total: 0, people: [] });
    });

    it('pages with a total; narrows with under; a place outside reads as not found', async () => {
      const { street, sq01 } = await setup();
      const all = (await get(street, '/api/people')).json();
      expect(all.total).toBe(4);
      const first = (await get(street, '/api/people?limit=3')).json();
      const second = (await get(street, '/api/people?limit=3&offset=3')).json();
      expect(first.total).toBe(4);
      expect([...names(first), ...names(second)]).toEqual(names(all));
      expect(names(second)).toHaveLength(1);
      expect(names((await get(street, '/api/people?under=cq.yz.jd01.sq02')).json())).toEqual([
        'Zhang Wei',
        '张三丰',
      ]);
      expect((await get(street, '/api/people?under=cq.yz.jd02')).statusCode).toBe(404);
      expect((await get(sq01, '/api/people?under=cq.yz.jd01')).statusCode).toBe(404);
      expect((await get(street, '/api/people?limit=0')).statusCode).toBe(400);
      const lab = await login(app!, 'lab');
      expect((await get(lab, '/api/people?q=x')).statusCode).toBe(404);
    });

    it('audits every search: who, the query and how many rows were shown', async () => {
      const { street } = await setup();
      await get(street, `/api/people?q=${encodeURIComponent('张')}&limit=1`);
      await get(street, '/api/people?q=13900000000');
      await get(street, '/api/people?q=500101199001011234');
      const rows = await listAudit(t.db, { action: 'people.search' });
      expect(rows).toHaveLength(3);
      const [a, b, c] = [...rows].sort((x, y) => x.seq - y.seq);
      expect(a.detail).toMatchObject({
        q: '张',
        under: 'cq.yz.jd01',
        total: 2,
        shown: 1,
        offset: 0,
        limit: 1,
      });
      expect(a.detail.personIds).toHaveLength(1);
      // A number typed into the search is never kept whole: the phone masked beside its pseudonym,
      // the ID number masked.
      expect(b.detail).toMatchObject({
        q: '139****0000',
        phonePseudonym: expect.stringMatching(/^[0-9a-f]{64}$/),
        total: 0,
        shown: 0,
        personIds: [],
      });
      expect(c.detail).toMatchObject({ q: '500101********1234' });
      expect(JSON.stringify(rows)).not.toContain('13900000000');
      expect(JSON.stringify(rows)).not.toContain('199001011234');
      expect(new Set(rows.map((r) => r.actor))).toEqual(new Set([street.userId]));
    });
  },
  { migrate: true },
);
