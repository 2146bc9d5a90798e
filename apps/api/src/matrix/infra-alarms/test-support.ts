/**
 * Infrastructure's sensors and alarms in the access matrix: who may call each of their operations,
 * their fixture (a sensor with an open alarm on the network fixture's asset in the matrix users'
 * community, and one on 江北's), their requests in and out of scope, their fuzz routes.
 */
import type { Db } from '@renxing/db';
import type { UserRole } from '@renxing/modules/access';
import { defineSensor, ingestReadings, listAlarms } from '@renxing/modules/infrastructure';
import type { InjectOptions } from 'fastify';
import type { InfraNetworkFixture } from '../infra-network/test-support.js';

type Req = Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> };

const STAFF: UserRole[] = ['city_admin', 'district_officer', 'street_officer', 'community_worker'];
const READERS: UserRole[] = [...STAFF, 'infra_operator'];
const KEEPERS: UserRole[] = ['city_admin', 'district_officer', 'infra_operator'];

export const INFRA_ALARMS_ACCESS: Record<string, UserRole[]> = {
  listSensors: READERS,
  defineSensor: KEEPERS,
  listReadings: READERS,
  ingestReadings: ['city_admin', 'infra_operator'],
  listAlarms: READERS,
  acknowledgeAlarm: ['city_admin', 'district_officer', 'street_officer', 'infra_operator'],
};

export interface InfraAlarmsFixture {
  /** Sensors of the network fixture's assets in (cq.yz.jd01.sq01) and out of (cq.jb.jd03.sq09) the matrix users' places. */
  sensorIn: string;
  sensorOut: string;
  assetIn: string;
  assetOut: string;
  /** An open alarm of each. */
  alarmIn: string;
  alarmOut: string;
  /** Epoch seconds of the readings that raised them. */
  now: number;
}

/** A sensor on each of the network fixture's two sinks, each with a reading that raised its alarm. Seed the network first. */
export async function seedInfraAlarms(
  db: Db,
  o: { now: number; network: InfraNetworkFixture },
): Promise<InfraAlarmsFixture> {
  const system = { userId: null, scope: null, now: new Date(o.now * 1000) };
  const sensors: [string, string][] = [
    ['MX-V-IN', o.network.assetIn],
    ['MX-V-OUT', o.network.assetOut],
  ];
  for (const [id, assetId] of sensors) {
    await defineSensor(
      db,
      {
        id,
        assetId,
        quantity: '电压',
        unit: 'kV',
        timeoutS: 86_400,
        rules: [{ op: 'above', threshold: 11, hysteresis: 0.5, forS: 0 }],
      },
      system,
    );
  }
  await ingestReadings(
    db,
    sensors.map(([sensor]) => ({ sensor, ts: o.now - 60, value: 12 })),
    system.now,
    { actor: 'system:matrix' },
  );
  const { alarms } = await listAlarms(db, { state: 'open', limit: 10 });
  const alarmOf = (sensor: string) => alarms.find((a) => a.sensorId === sensor)!.id;
  return {
    sensorIn: 'MX-V-IN',
    sensorOut: 'MX-V-OUT',
    assetIn: o.network.assetIn,
    assetOut: o.network.assetOut,
    alarmIn: alarmOf('MX-V-IN'),
    alarmOut: alarmOf('MX-V-OUT'),
    now: o.now,
  };
}

/** The request for a sensors-and-alarms operation in or out of scope (null: none out of scope), or undefined for another. */
export function infraAlarmsRequest(op: string, f: InfraAlarmsFixture, out: boolean): Req | null | undefined {
  const sensor = out ? f.sensorOut : f.sensorIn;
  const asset = out ? f.assetOut : f.assetIn;
  switch (op) {
    case 'listSensors':
      return { method: 'GET', url: out ? `/api/infra/sensors?assetId=${asset}` : '/api/infra/sensors' };
    case 'defineSensor':
      return {
        method: 'PUT',
        url: `/api/infra/sensors/MX-NEW-${out ? 'OUT' : 'IN'}`,
        payload: { assetId: asset, quantity: '水位', unit: 'm', timeoutS: 600, rules: [] },
      };
    case 'listReadings':
      return { method: 'GET', url: `/api/infra/sensors/${sensor}/readings` };
    case 'ingestReadings':
      // Out of scope a reading is refused (200 with its reject), not the call: no out-of-scope request.
      return out
        ? null
        : {
            method: 'POST',
            url: '/api/infra/readings',
            payload: { readings: [{ sensor, ts: f.now - 30, value: 10 }] },
          };
    case 'listAlarms':
      return {
        method: 'GET',
        url: out ? `/api/infra/alarms?assetId=${asset}` : '/api/infra/alarms?state=all',
      };
    case 'acknowledgeAlarm':
      return { method: 'POST', url: `/api/infra/alarms/${out ? f.alarmOut : f.alarmIn}/acknowledge` };
    default:
      return undefined;
  }
}

const NO_ALARM = '00000000-0000-4000-8000-000000000000';

/** Sensors' and alarms' routes for apps/api/src/fuzz.test.ts, as the city admin (who may call them all). */
export const INFRA_ALARMS_FUZZ_ROUTES = [
  { method: 'GET' as const, url: '/api/infra/sensors', auth: true, admin: true },
  { method: 'PUT' as const, url: '/api/infra/sensors/MX-FUZZ', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/infra/sensors/MX-FUZZ/readings', auth: true, admin: true },
  { method: 'POST' as const, url: '/api/infra/readings', auth: true, admin: true },
  { method: 'GET' as const, url: '/api/infra/alarms', auth: true, admin: true },
  { method: 'POST' as const, url: `/api/infra/alarms/${NO_ALARM}/acknowledge`, auth: true, admin: true },
];
