/**
 * getTransmissionChain over HTTP: the graph with its evidence, the depth, the reader's scope (names
 * and 404s), the audit row, and a 400 naming the field for every bad query.
 */
import { addUser, authHeaders, login, type Session, seedCity, testApp } from '@renxing/api/testing';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { listAudit } from '@renxing/modules/audit';
import { upsertPeople } from '@renxing/modules/people';
import { importPings } from '@renxing/modules/trajectories';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';

const CITY_SECRET = Buffer.from('chain-http-secret-chain-http-secret-0001');
const T0 = Date.parse('2026-11-20T08:00:00+08:00') / 1000;
const NOW = T0 + 86400;
const iso = (s: number) => new Date(s * 1000).toISOString();

/**
 * 王五 (the case) and 张三 share a cell 08:00–08:30; 张三 and 李四 share another 09:00–09:30; 李四 and
 * a phone not in the registry a third 10:00–10:30. Pings every 5 minutes.
 */
function pingsCsv(): string {
  const lines = ['subject,ts,lon,lat'];
  for (let k = 0; k <= 6; k++) {
    const [a, b, c] = [T0 + k * 300, T0 + 3600 + k * 300, T0 + 7200 + k * 300];
    lines.push(`13800000003,${a},106.5701,29.5601`, `13800000001,${a},106.5702,29.5602`);
    lines.push(`13800000001,${b},106.6201,29.5601`, `13800000002,${b},106.6202,29.5602`);
    lines.push(`13800000002,${c},106.6701,29.5601`, `13900000009,${c},106.6702,29.5602`);
  }
  return `${lines.join('\n')}\n`;
}

async function seed(db: Db) {
  await seedCity(db);
  await upsertPeople(
    db,
    [
      { name: '张三', phone: '13800000001', community: 'cq.yz.jd01.sq01' },
      { name: '李四', phone: '13800000002', community: 'cq.yz.jd01.sq02' },
      { name: '王五', phone: '13800000003', community: 'cq.yz.jd02.sq03' },
    ],
    { secret: CITY_SECRET },
  );
  await addUser(db, 'health', 'health_officer', 'cq');
  await addUser(db, 'sq01', 'community_worker', 'cq.yz.jd01.sq01');
  await addUser(db, 'jb', 'street_officer', 'cq.jb.jd03');
  const imported = await importPings(db, Buffer.from(pingsCsv()), { secret: CITY_SECRET, source: 'test' });
  expect(imported.rejected).toBe(0);
}

forEachDatabase(
  'transmission chain api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    const get = (s: Session, url: string, lang = 'en') =>
      app!.inject({ method: 'GET', url, headers: { ...authHeaders(s), 'accept-language': lang } });

    async function registered() {
      await seed(t.db);
      app = await testApp(t.db, 50, { citySecret: CITY_SECRET, now: () => NOW });
      const health = await login(app, 'health');
      const res = await app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: authHeaders(health),
        payload: { phone: '13800000003', label: '病例甲', confirmedAt: iso(NOW), from: iso(T0 - 3600) },
      });
      expect(res.statusCode).toBe(201);
      await app.detection.idle();
      return { health, id: res.json().id as string };
    }

    it('answers the chain generation by generation with its evidence, as the reader may see it, audited', async () => {
      const { health, id } = await registered();
      const res = await get(health, `/api/cases/${id}/chain`);
      expect(res.statusCode).toBe(200);
      const chain = res.json();
      expect(chain.depth).toBe(2);
      expect(chain.nodes).toEqual([
        {
          id: 'n1',
          generation: 0,
          kind: 'case',
          label: '病例甲',
          exposure: iso(T0 - 3600),
          ...who('王五', 3),
        },
        { id: 'n2', generation: 1, kind: 'companion', label: '张三', exposure: iso(T0), ...who('张三', 1) },
        {
          id: 'n3',
          generation: 2,
          kind: 'companion',
          label: '李四',
          exposure: iso(T0 + 3600),
          ...who('李四', 2),
        },
      ]);
      expect(chain.edges).toEqual([
        {
          from: 'n1',
          to: 'n2',
          cell: expect.any(String),
          overlapStart: iso(T0),
          overlapEnd: iso(T0 + 1800),
          seconds: 1800,
        },
        {
          from: 'n2',
          to: 'n3',
          cell: expect.any(String),
          overlapStart: iso(T0 + 3600),
          overlapEnd: iso(T0 + 5400),
          seconds: 1800,
        },
      ]);
      expect(chain).toMatchObject({
        truncated: false,
        total: { nodes: 3, edges: 2 },
        limits: { nodes: 300 },
      });
      const deep = (await get(health, `/api/cases/${id}/chain?depth=3`)).json();
      expect(deep.nodes.map((n: { label: string }) => n.label)).toEqual(['病例甲', '张三', '李四', '#4']);
      expect(deep.nodes[3]).toEqual({
        id: 'n4',
        generation: 3,
        kind: 'companion',
        label: '#4',
        exposure: iso(T0 + 7200),
      });
      const one = (await get(health, `/api/cases/${id}/chain?depth=1`)).json();
      expect(one.nodes.map((n: { generation: number }) => n.generation)).toEqual([0, 1]);

      // The community worker of 张三's community: 张三 by name, 李四 and the case's person anonymous.
      const sq01 = await login(app!, 'sq01');
      const local = (await get(sq01, `/api/cases/${id}/chain`)).json();
      expect(local.nodes.map((n: { label: string }) => n.label)).toEqual(['病例甲', '张三', '#3']);
      expect(local.nodes[2]).toEqual({
        id: 'n3',
        generation: 2,
        kind: 'companion',
        label: '#3',
        exposure: iso(T0 + 3600),
      });
      expect(JSON.stringify(local)).not.toMatch(/李四|王五/);
      // Only 李四's community, with the path to it (seen from the city).
      const place = (await get(health, `/api/cases/${id}/chain?place=cq.yz.jd01.sq02`)).json();
      expect(place.nodes.map((n: { label: string }) => n.label)).toEqual(['病例甲', '张三', '李四']);
      const exposedLate = (await get(health, `/api/cases/${id}/chain?from=${iso(T0 + 60)}`)).json();
      expect(exposedLate.nodes.map((n: { label: string }) => n.label)).toEqual(['病例甲', '张三', '李四']);
      const exposedEarly = (await get(health, `/api/cases/${id}/chain?to=${iso(T0 + 60)}`)).json();
      expect(exposedEarly.nodes.map((n: { label: string }) => n.label)).toEqual(['病例甲', '张三']);

      const users = await t.db.query<{ id: string; username: string }>('SELECT id, username FROM users');
      const user = (name: string) => users.rows.find((u) => u.username === name)!.id;
      const rows = await listAudit(t.db, { action: 'chain.read' });
      expect(rows.map((r) => [r.actor, r.subjectId])).toEqual([
        ...Array.from({ length: 3 }, () => [user('health'), id]),
        [user('sq01'), id],
        ...Array.from({ length: 3 }, () => [user('health'), id]),
      ]);
      expect(rows[3].detail).toMatchObject({ depth: 2, shown: 3, personIds: [local.nodes[1].personId] });
    });

    it('refuses a bad query with the field named, and what the reader cannot reach with 404', async () => {
      const { health, id } = await registered();
      const bad = async (query: string, lang = 'en') => {
        const res = await get(health, `/api/cases/${id}/chain?${query}`, lang);
        return [res.statusCode, res.json().code, res.json().field];
      };
      expect(await bad('depth=0')).toEqual([400, 'RX_VALIDATION', 'query.depth']);
      expect(await bad('depth=4')).toEqual([400, 'RX_VALIDATION', 'query.depth']);
      expect(await bad('depth=two')).toEqual([400, 'RX_VALIDATION', 'query.depth']);
      expect(await bad('from=yesterday')).toEqual([400, 'RX_VALIDATION', 'query.from']);
      expect(await bad('place=CQ')).toEqual([400, 'RX_VALIDATION', 'query.place']);
      expect((await bad('limit=5'))[0]).toBe(400);
      expect(await bad(`from=${iso(T0 + 60)}&to=${iso(T0)}`)).toEqual([400, 'RX_CHAIN_RANGE', 'query.to']);
      const zh = await get(health, `/api/cases/${id}/chain?from=${iso(T0 + 60)}&to=${iso(T0)}`, 'zh-CN');
      expect(zh.json().message).toBe('传播链的时间范围结束早于开始');
      expect((await get(health, '/api/cases/not-a-uuid/chain')).statusCode).toBe(400);
      expect((await get(health, `/api/cases/${crypto.randomUUID()}/chain`)).statusCode).toBe(404);

      // Another district sees no case; a community worker asks for a place not theirs.
      const jb = await login(app!, 'jb');
      expect((await get(jb, `/api/cases/${id}/chain`)).statusCode).toBe(404);
      const sq01 = await login(app!, 'sq01');
      expect((await get(sq01, `/api/cases/${id}/chain?place=cq.yz.jd01.sq02`)).statusCode).toBe(404);
      expect((await get(sq01, `/api/cases/${id}/chain?place=cq.yz.jd01.sq01`)).statusCode).toBe(200);
      expect(await listAudit(t.db, { action: 'chain.read' })).toHaveLength(1);
    });
  },
  { migrate: true },
);

/** The registry fields of a node the reader may name (the test's people, by name and community). */
function who(name: string, community: 1 | 2 | 3) {
  const names = { 1: '社区一', 2: '社区二', 3: '社区三' } as const;
  const paths = { 1: 'cq.yz.jd01.sq01', 2: 'cq.yz.jd01.sq02', 3: 'cq.yz.jd02.sq03' } as const;
  return {
    personId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    name,
    homePlace: paths[community],
    homePlaceName: names[community],
  };
}
