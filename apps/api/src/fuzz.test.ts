/** Whatever arrives, no route answers 5xx: random JSON bodies and queries against every route. */
import { generateKeyPairSync } from 'node:crypto';
import { forEachDatabase } from '@renxing/db/testing';
import fc from 'fast-check';
import { beforeAll, expect, it, vi } from 'vitest';
import { CHAINS_FUZZ_ROUTES } from './matrix/chains/test-support.js';
import { FEDERATION_FUZZ_ROUTES } from './matrix/federation/test-support.js';
import { INFRA_ALARMS_FUZZ_ROUTES } from './matrix/infra-alarms/test-support.js';
import { INFRA_NETWORK_FUZZ_ROUTES } from './matrix/infra-network/test-support.js';
import { MUTUAL_AID_FUZZ_ROUTES } from './matrix/mutual-aid/test-support.js';
import { PARTICIPATION_FUZZ_ROUTES } from './matrix/participation/test-support.js';
import { PLANS_FUZZ_ROUTES } from './matrix/plans/test-support.js';
import { RESILIENCE_FUZZ_ROUTES } from './matrix/resilience/test-support.js';
import { SHELTERS_FUZZ_ROUTES } from './matrix/shelters/test-support.js';
import { SUPPLIES_FUZZ_ROUTES } from './matrix/supplies/test-support.js';
import { VOLUNTEERS_FUZZ_ROUTES } from './matrix/volunteers/test-support.js';
import { addUser, login, seedCity, testApp } from './test-support.js';

const RUNS = 50;
const NO_ONE = '00000000-0000-4000-8000-000000000000';

// Keys in the environment, so the health-code routes create no files in ./data.
beforeAll(() => {
  vi.stubEnv('RENXING_CITY_SECRET', 'fuzz-city-secret-fuzz-city-secret-0001');
  vi.stubEnv(
    'RENXING_SIGNING_KEY',
    generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );
});

const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'under',
      'level',
      'x',
      '__proto__',
      'under[]',
      'state',
      'sort',
      'limit',
      'offset',
      'caseId',
      'place',
      'q',
      'cell',
      'prevalence',
      'format',
    ),
    fc.string({ maxLength: 8 }),
  ),
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('cq', 'cq.yz', 'cq.yz.jd01', 'cq..', '.', 'community', 'CQ', '%00', 'cq.yz.jd01.sq01'),
  ),
  { maxKeys: 4 },
);

const bodies = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      username: fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('street1', 'admin'), fc.jsonValue()),
      password: fc.oneof(fc.string({ maxLength: 70 }), fc.jsonValue()),
    },
    { requiredKeys: [] },
  ),
);

forEachDatabase(
  'api fuzz',
  (t) => {
    it(`${RUNS} random bodies and queries per route never give 5xx`, async () => {
      await seedCity(t.db);
      // A high login limit, so the fuzz reaches the handler rather than the limiter.
      const app = await testApp(t.db, 10_000);
      try {
        let s = await login(app, 'street1');
        const admin = await login(app, 'admin');
        await addUser(t.db, 'health1', 'health_officer', 'cq');
        const health = await login(app, 'health1');
        const routes = [
          { method: 'POST' as const, url: '/api/login', auth: false },
          { method: 'POST' as const, url: '/api/logout', auth: true },
          { method: 'GET' as const, url: '/api/places', auth: true },
          { method: 'GET' as const, url: '/api/session', auth: true },
          // People search and the staff list (street1 may call both).
          { method: 'GET' as const, url: '/api/people', auth: true },
          { method: 'GET' as const, url: '/api/users', auth: true },
          // Health codes (street1 may read codes; overrides, results and the officers' actions
          // answer 404 to its role).
          { method: 'POST' as const, url: '/api/health-codes/verify', auth: false },
          { method: 'GET' as const, url: '/.well-known/jwks.json', auth: false },
          { method: 'GET' as const, url: `/api/people/${NO_ONE}/health-code`, auth: true },
          { method: 'GET' as const, url: '/api/me/health-code/qr', auth: true },
          { method: 'POST' as const, url: '/api/test-results', auth: true },
          { method: 'POST' as const, url: `/api/people/${NO_ONE}/overrides`, auth: true },
          { method: 'POST' as const, url: `/api/overrides/${NO_ONE}/approve`, auth: true },
          { method: 'POST' as const, url: `/api/people/${NO_ONE}/close-contact`, auth: true },
          { method: 'POST' as const, url: `/api/people/${NO_ONE}/isolation`, auth: true },
          { method: 'POST' as const, url: `/api/people/${NO_ONE}/discharge`, auth: true },
          // Cases, tasks and the dashboard, as the city admin (who may call them all).
          { method: 'POST' as const, url: '/api/cases', auth: true, admin: true },
          { method: 'GET' as const, url: '/api/cases', auth: true, admin: true },
          { method: 'GET' as const, url: `/api/cases/${NO_ONE}/companions`, auth: true, admin: true },
          { method: 'GET' as const, url: '/api/tasks', auth: true, admin: true },
          { method: 'PATCH' as const, url: `/api/tasks/${NO_ONE}`, auth: true, admin: true },
          { method: 'POST' as const, url: '/api/tasks/reassign', auth: true, admin: true },
          { method: 'GET' as const, url: '/api/stats/places', auth: true, admin: true },
          { method: 'GET' as const, url: '/api/stats/cells', auth: true, admin: true },
          // The community inbox, as the city admin (who may call every operation of it).
          { method: 'POST' as const, url: '/api/work-requests', auth: true, admin: true },
          { method: 'GET' as const, url: '/api/work-requests', auth: true, admin: true },
          { method: 'GET' as const, url: `/api/work-requests/${NO_ONE}`, auth: true, admin: true },
          { method: 'GET' as const, url: `/api/work-requests/${NO_ONE}/answers`, auth: true, admin: true },
          { method: 'GET' as const, url: '/api/inbox', auth: true, admin: true },
          { method: 'GET' as const, url: `/api/work-items/${NO_ONE}`, auth: true, admin: true },
          { method: 'POST' as const, url: `/api/work-items/${NO_ONE}/answers`, auth: true, admin: true },
          { method: 'PATCH' as const, url: `/api/work-items/${NO_ONE}`, auth: true, admin: true },
          { method: 'GET' as const, url: '/api/duty-items', auth: true, admin: true },
          { method: 'POST' as const, url: '/api/duty-items/import', auth: true, admin: true },
          { method: 'POST' as const, url: '/api/admissions', auth: true, admin: true },
          { method: 'GET' as const, url: '/api/admissions', auth: true, admin: true },
          { method: 'GET' as const, url: '/api/burden', auth: true, admin: true },
          { method: 'GET' as const, url: '/api/departments', auth: true, admin: true },
          { method: 'POST' as const, url: '/api/departments', auth: true, admin: true },
          // Screening: the city admin organises and reads; the health officer samples and imports results.
          { method: 'POST' as const, url: '/api/screening/rounds', auth: true, admin: true },
          { method: 'GET' as const, url: '/api/screening/rounds', auth: true, admin: true },
          { method: 'GET' as const, url: `/api/screening/rounds/${NO_ONE}`, auth: true, admin: true },
          { method: 'POST' as const, url: `/api/screening/rounds/${NO_ONE}/sites`, auth: true, admin: true },
          {
            method: 'PUT' as const,
            url: `/api/screening/rounds/${NO_ONE}/exemptions/${NO_ONE}`,
            auth: true,
            admin: true,
          },
          { method: 'POST' as const, url: '/api/screening/samples', auth: true, health: true },
          { method: 'POST' as const, url: '/api/screening/tubes/T1/seal', auth: true, health: true },
          { method: 'GET' as const, url: '/api/screening/tubes/T1', auth: true, health: true },
          { method: 'POST' as const, url: '/api/screening/results', auth: true, health: true },
          { method: 'GET' as const, url: '/api/screening/results', auth: true, health: true },
          {
            method: 'GET' as const,
            url: `/api/screening/rounds/${NO_ONE}/coverage`,
            auth: true,
            admin: true,
          },
          {
            method: 'GET' as const,
            url: `/api/screening/rounds/${NO_ONE}/untested`,
            auth: true,
            admin: true,
          },
          { method: 'GET' as const, url: '/api/screening/pool-size', auth: true, admin: true },
          ...SUPPLIES_FUZZ_ROUTES.map((r) => ({ ...r, auth: true })),
          ...SHELTERS_FUZZ_ROUTES,
          ...PLANS_FUZZ_ROUTES,
          ...INFRA_NETWORK_FUZZ_ROUTES,
          ...INFRA_ALARMS_FUZZ_ROUTES,
          ...VOLUNTEERS_FUZZ_ROUTES,
          ...MUTUAL_AID_FUZZ_ROUTES,
          ...PARTICIPATION_FUZZ_ROUTES,
          ...RESILIENCE_FUZZ_ROUTES,
          ...CHAINS_FUZZ_ROUTES,
          ...FEDERATION_FUZZ_ROUTES,
        ];
        for (const route of routes) {
          await fc.assert(
            fc.asyncProperty(bodies, query, fc.boolean(), async (body, q, raw) => {
              const search = new URLSearchParams(q as Record<string, string>).toString();
              const headers: Record<string, string> = { 'content-type': 'application/json' };
              if (route.auth) {
                // logout really ends the session: start a fresh one for each run.
                if (route.url === '/api/logout') s = await login(app, 'street1');
                const who = 'admin' in route ? admin : 'health' in route ? health : s;
                headers.cookie = who.cookie;
                headers['x-csrf-token'] = who.csrf;
              }
              const res = await app.inject({
                method: route.method,
                url: `${route.url}${search ? `?${search}` : ''}`,
                headers,
                ...(route.method !== 'GET'
                  ? { payload: raw ? JSON.stringify(body).slice(0, -1) : JSON.stringify(body) }
                  : {}),
              });
              expect(
                res.statusCode,
                `${route.method} ${route.url}?${search} ${JSON.stringify(body)}`,
              ).toBeLessThan(500);
              const out = res.body ? res.json() : undefined;
              if (res.statusCode >= 400) expect(out).toMatchObject({ code: expect.stringMatching(/^RX_/) });
            }),
            { numRuns: RUNS },
          );
        }
      } finally {
        await app.close();
      }
    });
  },
  { migrate: true },
);
