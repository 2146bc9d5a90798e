/**
 * Every role against every endpoint, in scope and out of scope. The table below says which roles
 * an operation admits; the test also checks that it covers every operation in /openapi.json, so a
 * new endpoint cannot be added without deciding who may call it.
 *
 * Admitted and in scope: anything but 401/403/404 and never 5xx. Not admitted: 404 (the API never
 * reveals what is outside a caller's reach). Admitted but the object lies outside the caller's
 * place: 404. Without a session: 401 (public operations aside).
 */

import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { createUser, type UserRole } from '@renxing/modules/access';
import { insertCase, upsertCompanions } from '@renxing/modules/cases';
import { createTasksForCase } from '@renxing/modules/follow-up';
import { requestHealthCodeOverride } from '@renxing/modules/health-codes';
import {
  insertDepartment,
  publishDutyList,
  setDepartmentOfficer,
  submitWorkRequest,
} from '@renxing/modules/inbox';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { CHAINS_ACCESS, chainsRequest, seedChains } from './matrix/chains/test-support.js';
import {
  FEDERATION_ACCESS,
  type FederationFixture,
  federationRequest,
  seedFederation,
} from './matrix/federation/test-support.js';
import {
  INFRA_ALARMS_ACCESS,
  type InfraAlarmsFixture,
  infraAlarmsRequest,
  seedInfraAlarms,
} from './matrix/infra-alarms/test-support.js';
import {
  INFRA_NETWORK_ACCESS,
  type InfraNetworkFixture,
  infraNetworkRequest,
  seedInfraNetwork,
} from './matrix/infra-network/test-support.js';
import {
  MUTUAL_AID_ACCESS,
  type MutualAidFixture,
  mutualAidRequest,
  seedMutualAid,
} from './matrix/mutual-aid/test-support.js';
import {
  PARTICIPATION_ACCESS,
  type ParticipationFixture,
  participationRequest,
  seedParticipation,
} from './matrix/participation/test-support.js';
import { PLANS_ACCESS, type PlansFixture, plansRequest, seedPlans } from './matrix/plans/test-support.js';
import {
  RESILIENCE_ACCESS,
  type ResilienceFixture,
  resilienceRequest,
  seedResilience,
} from './matrix/resilience/test-support.js';
import {
  SHELTERS_ACCESS,
  type SheltersFixture,
  seedShelters,
  sheltersRequest,
} from './matrix/shelters/test-support.js';
import {
  SUPPLIES_ACCESS,
  type SuppliesFixture,
  seedSupplies,
  suppliesRequest,
} from './matrix/supplies/test-support.js';
import {
  SCREENING_ACCESS,
  type ScreeningFixture,
  screeningRequest,
  seedScreening,
} from './matrix/test-support.js';
import {
  seedVolunteers,
  VOLUNTEERS_ACCESS,
  type VolunteersFixture,
  volunteersRequest,
} from './matrix/volunteers/test-support.js';
import { MODULES } from './modules.js';
import { authHeaders, login, PASSWORD, type Session, seedCity, testApp } from './test-support.js';

const SECRET = Buffer.from('matrix-city-secret-matrix-city-secret-0001');
const NOW = Date.parse('2026-11-20T12:00:00Z') / 1000;

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];
const ALL: UserRole[] = [
  ...STAFF,
  'health_officer',
  'lab_user',
  'auditor',
  'resident',
  'department_officer',
  'infra_operator',
  'volunteer',
];
const DEPARTMENTS: UserRole[] = ['city_admin', 'department_officer'];
const PUBLIC = 'public';

/** Who may call what. */
const ACCESS: Record<string, UserRole[] | typeof PUBLIC> = {
  login: PUBLIC,
  verifyHealthCode: PUBLIC,
  getJwks: PUBLIC,
  logout: ALL,
  getSession: ALL,
  listPlaces: ALL.filter((r) => r !== 'resident'),
  importPeople: STAFF,
  getPerson: [...STAFF, 'health_officer'],
  listPeople: [...STAFF, 'health_officer'],
  listStaff: [...STAFF, 'health_officer'],
  importPings: ['city_admin', 'health_officer'],
  listTrajectoryDays: ['city_admin', 'health_officer'],
  verifyTrajectoryRetention: ['city_admin', 'health_officer'],
  purgeTrajectories: ['city_admin'],
  getStreamStatus: ['city_admin', 'health_officer'],
  createCase: ['city_admin', 'health_officer'],
  listCases: [...STAFF, 'health_officer'],
  getCase: [...STAFF, 'health_officer'],
  listCaseCompanions: [...STAFF, 'health_officer'],
  getPlaceStats: [...STAFF, 'health_officer'],
  getCompanionCells: [...STAFF, 'health_officer'],
  listTasks: [...STAFF, 'health_officer'],
  getTask: [...STAFF, 'health_officer'],
  updateTask: [...STAFF, 'health_officer'],
  reassignTasks: [...STAFF, 'health_officer'],
  getHealthCode: [...STAFF, 'health_officer'],
  getHealthCodeQr: [...STAFF, 'health_officer'],
  getMyHealthCode: ['resident'],
  getMyHealthCodeQr: ['resident'],
  requestOverride: ['city_admin', 'district_officer', 'health_officer'],
  listOverrides: ['city_admin', 'district_officer', 'health_officer'],
  approveOverride: ['city_admin', 'district_officer', 'health_officer'],
  rejectOverride: ['city_admin', 'district_officer', 'health_officer'],
  designateCloseContact: ['city_admin', 'health_officer'],
  startIsolation: ['city_admin', 'health_officer'],
  dischargeCase: ['city_admin', 'health_officer'],
  recordTestResult: ['lab_user', 'health_officer'],
  listTestResults: ['lab_user', 'health_officer'],
  listAudit: ['auditor', 'city_admin'],
  verifyAudit: ['auditor', 'city_admin'],
  submitWorkRequest: DEPARTMENTS,
  listWorkRequests: DEPARTMENTS,
  getWorkRequest: DEPARTMENTS,
  exportWorkRequestAnswers: DEPARTMENTS,
  listInbox: STAFF,
  getWorkItem: STAFF,
  answerWorkItem: STAFF,
  updateWorkItem: STAFF,
  listDutyItems: [...STAFF, 'health_officer', 'department_officer'],
  importDutyList: ['city_admin'],
  approveAdmission: ['city_admin'],
  listAdmissions: DEPARTMENTS,
  getBurdenStats: [...STAFF, 'department_officer'],
  listDepartments: [...STAFF, 'health_officer', 'department_officer'],
  createDepartment: ['city_admin'],
  ...SCREENING_ACCESS,
  ...SUPPLIES_ACCESS,
  ...SHELTERS_ACCESS,
  ...PLANS_ACCESS,
  ...INFRA_NETWORK_ACCESS,
  ...INFRA_ALARMS_ACCESS,
  ...VOLUNTEERS_ACCESS,
  ...MUTUAL_AID_ACCESS,
  ...PARTICIPATION_ACCESS,
  ...RESILIENCE_ACCESS,
  ...CHAINS_ACCESS,
  ...FEDERATION_ACCESS,
};

/** Each role's user sits at a place with something outside it (the city admin aside). */
const PLACE: Record<UserRole, string | null> = {
  city_admin: 'cq',
  district_officer: 'cq.yz',
  street_officer: 'cq.yz.jd01',
  community_worker: 'cq.yz.jd01.sq01',
  health_officer: 'cq.yz',
  lab_user: 'cq.yz',
  auditor: 'cq',
  resident: null,
  department_officer: 'cq.yz',
  infra_operator: 'cq.yz',
  volunteer: 'cq.yz.jd01.sq01',
};

interface Fixture {
  personIn: string;
  personOut: string;
  caseIn: string;
  caseOut: string;
  taskIn: string;
  taskOut: string;
  overrideIn: () => Promise<string>;
  overrideOut: () => Promise<string>;
  itemIn: string;
  itemOut: string;
  /** A request of the department officer's department, and one of another. */
  requestIn: string;
  requestOut: string;
  screening: ScreeningFixture;
  supplies: SuppliesFixture;
  shelters: SheltersFixture;
  plans: PlansFixture;
  infraNetwork: InfraNetworkFixture;
  infraAlarms: InfraAlarmsFixture;
  volunteers: VolunteersFixture;
  mutualAid: MutualAidFixture;
  participation: ParticipationFixture;
  resilience: ResilienceFixture;
  federation: FederationFixture;
}

async function seed(db: Db): Promise<Fixture> {
  await seedCity(db);
  await insertPlaces(db, [{ parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '社区九' }]);
  await upsertPeople(
    db,
    [
      { name: '张三', phone: '13800000001', community: 'cq.yz.jd01.sq01' },
      { name: '王五', phone: '13800000003', community: 'cq.yz.jd01.sq01' },
      { name: '赵六', phone: '13800000006', community: 'cq.jb.jd03.sq09' },
      { name: '钱七', phone: '13800000007', community: 'cq.jb.jd03.sq09' },
    ],
    { secret: SECRET },
  );
  const { rows } = await db.query<{ id: string; name: string; phone_pseudonym: string }>(
    'SELECT id, name, phone_pseudonym FROM people',
  );
  const p = (name: string) => rows.find((r) => r.name === name)!;
  const caseWith = async (who: string, companion: string) => {
    const c = await insertCase(db, {
      personId: p(who).id,
      subjectPseudonym: p(who).phone_pseudonym,
      confirmedAt: new Date(NOW * 1000),
      preset: 'default',
    });
    await upsertCompanions(db, c.id, [
      {
        subjectPseudonym: p(companion).phone_pseudonym,
        cell: '1:1',
        overlapStart: NOW - 9000,
        overlapEnd: NOW - 7000,
        overlapS: 2000,
      },
    ]);
    await createTasksForCase(db, c.id, { now: new Date(NOW * 1000) });
    const task = await db.query<{ id: string }>('SELECT id FROM tasks WHERE case_id = $1', [c.id]);
    return { caseId: c.id, taskId: task.rows[0].id };
  };
  const inside = await caseWith('王五', '张三');
  const outside = await caseWith('钱七', '赵六');
  for (const role of ALL) {
    await createUser(db, {
      username: `u_${role}`,
      password: PASSWORD,
      role,
      placePath: PLACE[role],
      personId: role === 'resident' ? p('张三').id : null,
      unit: '测试单位',
    });
  }
  const requester = await createUser(db, {
    username: 'requester',
    password: PASSWORD,
    role: 'health_officer',
    placePath: 'cq',
  });
  /** A pending override request by another user, to a colour the person does not have now. */
  const override = async (personId: string) => {
    const now = await db.query<{ colour: string }>('SELECT colour FROM health_codes WHERE person_id = $1', [
      personId,
    ]);
    const to = now.rows[0]?.colour === 'yellow' ? 'green' : 'yellow';
    const stored = await requestHealthCodeOverride(db, {
      personId,
      to,
      requestedBy: requester.id,
      reason: '流调发现需要观察',
    });
    return stored.id;
  };
  // The inbox: two departments, a list, the department officer acting for the first; one request
  // of each department reaching a community in and one outside the places above.
  for (const [code, name] of [
    ['mzj', '民政局'],
    ['wsjkw', '卫健委'],
  ])
    await insertDepartment(db, { code, name });
  await publishDutyList(
    db,
    [
      {
        code: 'A-01',
        list: 'own',
        title: '高龄老人摸排',
        department: 'mzj',
        legalBasis: '《城市居民委员会组织法》',
      },
    ],
    { by: requester.id, note: null, at: new Date((NOW - 86400) * 1000) },
  );
  const officer = await db.query<{ id: string }>(
    "SELECT id FROM users WHERE username = 'u_department_officer'",
  );
  await setDepartmentOfficer(db, officer.rows[0].id, 'mzj');
  const admin = await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'u_city_admin'");
  const submit = (department: string, targets: string[]) =>
    submitWorkRequest(db, workRequest(department, targets), {
      userId: admin.rows[0].id,
      scope: 'cq',
      department: null,
      now: new Date(NOW * 1000),
    });
  const own = await submit('mzj', ['cq.yz.jd01.sq01', 'cq.jb.jd03.sq09']);
  const other = await submit('wsjkw', ['cq.yz.jd01.sq01']);
  await seedChains(db, { secret: SECRET, now: NOW });
  const infraNetwork = await seedInfraNetwork(db, { now: NOW });
  const volunteers = await seedVolunteers(db, { now: NOW, residentPerson: p('张三').id });
  return {
    itemIn: own.communities.find((c) => c.path === 'cq.yz.jd01.sq01')!.itemId,
    itemOut: own.communities.find((c) => c.path === 'cq.jb.jd03.sq09')!.itemId,
    requestIn: own.id,
    requestOut: other.id,
    personIn: p('张三').id,
    personOut: p('赵六').id,
    caseIn: inside.caseId,
    caseOut: outside.caseId,
    taskIn: inside.taskId,
    taskOut: outside.taskId,
    overrideIn: () => override(p('张三').id),
    overrideOut: () => override(p('赵六').id),
    screening: await seedScreening(db, {
      now: NOW,
      userId: requester.id,
      personIn: p('张三').id,
      personOut: p('赵六').id,
    }),
    supplies: await seedSupplies(db, { now: NOW, userId: requester.id }),
    shelters: await seedShelters(db, { now: NOW, userId: requester.id }),
    plans: await seedPlans(db, { now: NOW, userId: requester.id }),
    infraNetwork,
    infraAlarms: await seedInfraAlarms(db, { now: NOW, network: infraNetwork }),
    volunteers,
    mutualAid: await seedMutualAid(db, {
      now: NOW,
      personIn: p('张三').id,
      personOut: p('赵六').id,
      volunteers,
    }),
    participation: await seedParticipation(db, { now: NOW, personIn: p('张三').id, personOut: p('赵六').id }),
    federation: await seedFederation(db, {
      now: NOW,
      userId: requester.id,
      personIn: p('张三').id,
      personOut: p('赵六').id,
    }),
    // Last: the index is computed from every area's data.
    resilience: await seedResilience(db, { now: NOW, userId: requester.id }),
  };
}

const workRequest = (department: string, targets: string[]) => ({
  department,
  duty: 'A-01',
  kind: 'form' as const,
  title: '高龄老人摸排表',
  targets,
  due: new Date((NOW + 86400) * 1000),
  window: null,
  priority: 'normal' as const,
  resources: null,
  admission: null,
  fields: [{ key: 'residents.over_80', label: '80岁以上老人数', type: 'integer' as const }],
});

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

/** The request for an operation, aimed in or out of the caller's scope. */
async function request(op: string, f: Fixture, out: boolean): Promise<Req | null> {
  const person = out ? f.personOut : f.personIn;
  const kase = out ? f.caseOut : f.caseIn;
  const task = out ? f.taskOut : f.taskIn;
  const place = out ? 'cq.jb' : 'cq.yz.jd01.sq01';
  const csv = { 'content-type': 'text/csv' };
  switch (op) {
    case 'logout':
      return out ? null : { method: 'POST', url: '/api/logout' };
    case 'getSession':
      return out ? null : { method: 'GET', url: '/api/session' };
    case 'listPlaces':
      return { method: 'GET', url: `/api/places?under=${place}` };
    case 'importPeople':
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/people/import',
            headers: csv,
            payload:
              'name,phone,id_number,address,community,household\n新人,13800000099,,路1号,cq.yz.jd01.sq01,\n',
          };
    case 'getPerson':
      return { method: 'GET', url: `/api/people/${person}` };
    case 'listPeople':
      return { method: 'GET', url: `/api/people?under=${place}&q=${encodeURIComponent('张')}` };
    case 'listStaff':
      return { method: 'GET', url: `/api/users?under=${place}` };
    case 'importPings':
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/pings/import',
            headers: csv,
            payload: 'subject,ts,lon,lat\n13800000001,1763600000,106.55,29.56\n',
          };
    case 'listTrajectoryDays':
      return out ? null : { method: 'GET', url: '/api/trajectories/days' };
    case 'verifyTrajectoryRetention':
      return out ? null : { method: 'GET', url: '/api/trajectories/retention' };
    case 'purgeTrajectories':
      return out ? null : { method: 'POST', url: '/api/trajectories/purge' };
    case 'getStreamStatus':
      return out ? null : { method: 'GET', url: '/api/stream/status' };
    case 'createCase':
      return { method: 'POST', url: '/api/cases', payload: { personId: person } };
    case 'listCases':
      return out ? null : { method: 'GET', url: '/api/cases' };
    case 'getCase':
      return { method: 'GET', url: `/api/cases/${kase}` };
    case 'listCaseCompanions':
      return { method: 'GET', url: `/api/cases/${kase}/companions` };
    case 'getPlaceStats':
      return { method: 'GET', url: `/api/stats/places?under=${place}` };
    case 'getCompanionCells':
      return { method: 'GET', url: `/api/stats/cells?caseId=${kase}` };
    case 'listTasks':
      return { method: 'GET', url: `/api/tasks?place=${place}` };
    case 'getTask':
      return { method: 'GET', url: `/api/tasks/${task}` };
    case 'updateTask':
      return { method: 'PATCH', url: `/api/tasks/${task}`, payload: { note: '已联系' } };
    case 'reassignTasks':
      // Out of scope: the task is skipped (nothing moved), which the test checks separately.
      return out
        ? null
        : { method: 'POST', url: '/api/tasks/reassign', payload: { ids: [task], place: 'cq.yz.jd01.sq01' } };
    case 'getHealthCode':
      return { method: 'GET', url: `/api/people/${person}/health-code` };
    case 'getHealthCodeQr':
      return { method: 'GET', url: `/api/people/${person}/health-code/qr` };
    case 'getMyHealthCode':
      return out ? null : { method: 'GET', url: '/api/me/health-code' };
    case 'getMyHealthCodeQr':
      return out ? null : { method: 'GET', url: '/api/me/health-code/qr' };
    case 'requestOverride':
      return {
        method: 'POST',
        url: `/api/people/${person}/overrides`,
        payload: { to: 'yellow', reason: '需要观察' },
      };
    case 'listOverrides':
      return out ? null : { method: 'GET', url: '/api/overrides' };
    case 'approveOverride':
    case 'rejectOverride': {
      const id = await (out ? f.overrideOut() : f.overrideIn());
      const verb = op === 'approveOverride' ? 'approve' : 'reject';
      return { method: 'POST', url: `/api/overrides/${id}/${verb}`, payload: { reason: '复核同意' } };
    }
    // The same person again and again: a repeat changes nothing (200), an action that does not
    // apply to the code's state is 409; either way the caller was admitted.
    case 'designateCloseContact':
      return {
        method: 'POST',
        url: `/api/people/${person}/close-contact`,
        payload: { reason: '流调判定密接' },
      };
    case 'startIsolation':
      return {
        method: 'POST',
        url: `/api/people/${person}/isolation`,
        payload: { startedAt: new Date((NOW - 3600) * 1000).toISOString(), reason: '居家隔离' },
      };
    case 'dischargeCase':
      return {
        method: 'POST',
        url: `/api/people/${person}/discharge`,
        payload: { dischargedAt: new Date((NOW - 3600) * 1000).toISOString(), reason: '治愈出院' },
      };
    case 'recordTestResult':
      return {
        method: 'POST',
        url: '/api/test-results',
        payload: {
          personId: person,
          result: 'negative',
          sampledAt: new Date((NOW - 3600) * 1000).toISOString(),
          lab: '检测所',
          sampleId: `s-${Math.random()}`,
        },
      };
    case 'listTestResults':
      return { method: 'GET', url: `/api/people/${person}/test-results` };
    case 'listAudit':
      return out ? null : { method: 'GET', url: '/api/audit' };
    case 'verifyAudit':
      return out ? null : { method: 'GET', url: '/api/audit/verify' };
    case 'submitWorkRequest':
      return {
        method: 'POST',
        url: '/api/work-requests',
        payload: {
          ...workRequest('mzj', [out ? 'cq.jb' : 'cq.yz.jd01.sq01']),
          due: new Date((NOW + 86400) * 1000).toISOString(),
        },
      };
    case 'listWorkRequests':
      return out ? null : { method: 'GET', url: '/api/work-requests' };
    case 'getWorkRequest':
      return { method: 'GET', url: `/api/work-requests/${out ? f.requestOut : f.requestIn}` };
    case 'exportWorkRequestAnswers':
      return {
        method: 'GET',
        url: `/api/work-requests/${out ? f.requestOut : f.requestIn}/answers?format=csv`,
      };
    case 'listInbox':
      return { method: 'GET', url: `/api/inbox?place=${place}` };
    case 'getWorkItem':
      return { method: 'GET', url: `/api/work-items/${out ? f.itemOut : f.itemIn}` };
    case 'answerWorkItem':
      return {
        method: 'POST',
        url: `/api/work-items/${out ? f.itemOut : f.itemIn}/answers`,
        payload: { values: { nope: 1 } },
      };
    case 'updateWorkItem':
      return {
        method: 'PATCH',
        url: `/api/work-items/${out ? f.itemOut : f.itemIn}`,
        payload: { state: 'in_progress' },
      };
    case 'listDutyItems':
      return out ? null : { method: 'GET', url: '/api/duty-items' };
    case 'importDutyList':
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/duty-items/import',
            headers: csv,
            payload: 'code,list,title,department,legal_basis\nA-01,own,高龄老人摸排,mzj,《组织法》\n',
          };
    case 'approveAdmission':
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/admissions',
            payload: {
              department: 'wsjkw',
              duty: 'X-1',
              reason: '一事一议',
              validUntil: new Date((NOW + 86400) * 1000).toISOString(),
            },
          };
    case 'listAdmissions':
      return out ? null : { method: 'GET', url: '/api/admissions' };
    case 'getBurdenStats':
      return { method: 'GET', url: `/api/burden?under=${place}` };
    case 'listDepartments':
      return out ? null : { method: 'GET', url: '/api/departments' };
    case 'createDepartment':
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/departments',
            payload: { code: `d${Math.random().toString(36).slice(2, 10)}`, name: '新部门' },
          };
    default: {
      const screening = screeningRequest(op, f.screening, out, person, NOW);
      if (screening !== undefined) return screening;
      const supplies = suppliesRequest(op, f.supplies, out);
      if (supplies !== undefined) return supplies;
      const shelters = sheltersRequest(op, f.shelters, out);
      if (shelters !== undefined) return shelters;
      const plans = plansRequest(op, f.plans, out);
      if (plans !== undefined) return plans;
      const network = infraNetworkRequest(op, f.infraNetwork, out);
      if (network !== undefined) return network;
      const alarms = infraAlarmsRequest(op, f.infraAlarms, out);
      if (alarms !== undefined) return alarms;
      const volunteers = volunteersRequest(op, f.volunteers, out);
      if (volunteers !== undefined) return volunteers;
      const aid = mutualAidRequest(op, f.mutualAid, out);
      if (aid !== undefined) return aid;
      const participation = participationRequest(op, f.participation, out);
      if (participation !== undefined) return participation;
      const resilience = resilienceRequest(op, f.resilience, out);
      if (resilience !== undefined) return resilience;
      const chains = chainsRequest(op, { caseIn: f.caseIn, caseOut: f.caseOut }, out);
      if (chains !== undefined) return chains;
      const federation = federationRequest(op, f.federation, out);
      if (federation !== undefined) return federation;
      throw new Error(`no request for ${op}: add it to the matrix`);
    }
  }
}

it("the modules' access tables say what this table says (the table is the spec; they are the code)", () => {
  const declared = Object.fromEntries(
    MODULES.flatMap((m) => Object.entries(m.access)).map(([op, who]) => [
      op,
      who === PUBLIC ? who : [...who].sort(),
    ]),
  );
  const spec = Object.fromEntries(
    Object.entries(ACCESS).map(([op, who]) => [op, who === PUBLIC ? who : [...who].sort()]),
  );
  expect(declared).toEqual(spec);
});

forEachDatabase(
  'access matrix: every role × every endpoint, in and out of scope',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    it('admits exactly the roles the table names, and never reaches outside their place', async () => {
      const fixture = await seed(t.db);
      app = await testApp(t.db, 1000, { citySecret: SECRET, now: () => NOW });
      await app.ready();
      const doc = app.swagger() as { paths: Record<string, Record<string, { operationId?: string }>> };
      const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId!));
      expect(new Set(ops)).toEqual(new Set(Object.keys(ACCESS)));

      const sessions = new Map<UserRole, Session>();
      for (const role of ALL) sessions.set(role, await login(app, `u_${role}`));
      const send = (req: Req, s?: Session) =>
        app!.inject({
          ...req,
          headers: { ...req.headers, ...(s ? authHeaders(s) : {}) },
        } as InjectOptions);

      const failures: string[] = [];
      let checked = 0;
      for (const op of Object.keys(ACCESS).filter((o) => ACCESS[o] !== PUBLIC && o !== 'logout')) {
        const admitted = ACCESS[op] as UserRole[];
        // No session at all: 401.
        const anonymous = await request(op, fixture, false);
        if (anonymous) {
          const res = await send(anonymous);
          if (res.statusCode !== 401) failures.push(`${op} without a session: ${res.statusCode}`);
        }
        for (const role of ALL) {
          for (const out of [false, true]) {
            if (out && (PLACE[role] === 'cq' || role === 'resident')) continue; // nothing lies outside
            const req = await request(op, fixture, out);
            if (!req) continue;
            const res = await send(req, sessions.get(role));
            checked++;
            const allowed = admitted.includes(role) && !out;
            const ok = allowed
              ? ![401, 403, 404].includes(res.statusCode) && res.statusCode < 500
              : res.statusCode === 404;
            if (!ok)
              failures.push(
                `${op} as ${role}${out ? ' (out of scope)' : ''}: ${res.statusCode} ${res.body.slice(0, 120)}`,
              );
          }
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThan(300);
    });

    it('skips tasks outside the caller’s place in a bulk reassignment', async () => {
      const f = await seed(t.db);
      app = await testApp(t.db, 1000, { citySecret: SECRET, now: () => NOW });
      const s = await login(app, 'u_street_officer');
      const res = await app.inject({
        method: 'POST',
        url: '/api/tasks/reassign',
        headers: authHeaders(s),
        payload: { ids: [f.taskIn, f.taskOut], place: 'cq.yz.jd01.sq02' },
      });
      expect(res.json()).toEqual({ moved: 1, skipped: 1 });
      const { rows } = await t.db.query<{ path: string }>(
        'SELECT pl.path FROM tasks t JOIN places pl ON pl.id = t.place_id WHERE t.id = $1',
        [f.taskOut],
      );
      expect(rows[0].path).toBe('cq.jb.jd03.sq09');
    });
  },
  { migrate: true },
);
