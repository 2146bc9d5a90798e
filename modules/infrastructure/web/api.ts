/** Infrastructure's API calls and the shapes the console reads of them (see /openapi.json, tag infrastructure). */
import { allOf, type Body, type Ok, type Query, type With } from '@renxing/ui/api-types';
import { api } from '@renxing/ui/client';
import { type UploadProgress, uploadFile } from '@renxing/ui/upload';

// Every type below comes from the API's schemas (packages/ui/src/generated/openapi.ts, see
// @renxing/ui/api-types). getAsset's sensors and alarms are left open by the network's schema (the
// sensors-and-alarms side describes them): they are read as listSensors and listAlarms say.

// --- the network ----------------------------------------------------------------------------

/** listAssets */
export type AssetList = Ok<'listAssets'>;
export type Asset = AssetList['assets'][number];
export type NetworkLink = AssetList['links'][number];
export type AssetQuery = Query<'listAssets'>;
export type AssetType = Asset['type'];
export const ASSET_TYPES = allOf<AssetType>()(['source', 'node', 'sink']);
export type Relation = NetworkLink['relation'];

/** getN1Analysis, runN1Analysis */
export type N1Analysis = Ok<'getN1Analysis'>;
export type LossRow = N1Analysis['rows'][number];
export type Spof = N1Analysis['spofs'][number];

/** runDrill */
export type DrillRequest = Body<'runDrill'>;
export type DrillResult = Ok<'runDrill'>;

/** importAssets */
export type NetworkImport = Ok<'importAssets'>;

// --- sensors and alarms ---------------------------------------------------------------------

/** listSensors' rows */
export type Sensor = Ok<'listSensors'>['sensors'][number];
export type Combine = NonNullable<Sensor['combine']>;

/** listReadings */
export type Readings = Ok<'listReadings'>;

/** listAlarms */
export type AlarmList = Ok<'listAlarms'>;
export type Alarm = AlarmList['alarms'][number];
/** A threshold rule: above or below T, hysteresis H, for D seconds. */
export type Rule = NonNullable<Alarm['rule']>;
export type AlarmState = Alarm['state'];
export const ALARM_STATES = allOf<AlarmState>()(['open', 'acknowledged', 'cleared']);
export type AlarmQuery = Query<'listAlarms'>;

/** getAsset, its sensors and alarms as listSensors and listAlarms describe them. */
export type AssetView = With<Ok<'getAsset'>, { sensors: Sensor[]; alarms: Alarm[] }>;
export type LinkEnd = AssetView['upstream'][number];

// --- the calls ------------------------------------------------------------------------------

const id = (s: string) => encodeURIComponent(s);

export const listAssets = (query: AssetQuery, signal?: AbortSignal) =>
  api.get<AssetList>('/api/infra/assets', { ...query }, signal);

export const getAsset = (assetId: string, signal?: AbortSignal) =>
  api.get<AssetView>(`/api/infra/assets/${id(assetId)}`, undefined, signal);

export const getN1Analysis = (signal?: AbortSignal) =>
  api.get<N1Analysis>('/api/infra/n-1', undefined, signal);

export const runN1Analysis = () => api.post<N1Analysis>('/api/infra/n-1');

export const runDrill = (body: DrillRequest) => api.post<DrillResult>('/api/infra/drills', body);

/** listReadings from `from` to the server's now, at most `limit` (the newest when more). */
export const listReadings = (sensorId: string, from: string, limit: number, signal?: AbortSignal) =>
  api.get<Readings>(`/api/infra/sensors/${id(sensorId)}/readings`, { from, limit }, signal);

export const listAlarms = (query: AlarmQuery, signal?: AbortSignal) =>
  api.get<AlarmList>('/api/infra/alarms', { ...query }, signal);

export const acknowledgeAlarm = (alarmId: string) =>
  api.post<Ok<'acknowledgeAlarm'>>(`/api/infra/alarms/${id(alarmId)}/acknowledge`);

// --- an import, with its upload's progress --------------------------------------------------

export type ImportWhat = 'assets' | 'links';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GEOJSON_TYPE = 'application/geo+json';

/** A network file's content type: XLSX or GeoJSON by its name or type, CSV otherwise. */
export function networkFileType(file: Pick<File, 'name' | 'type'>): string {
  if (/\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE) return XLSX_TYPE;
  if (/\.(geo)?json$/i.test(file.name) || file.type === GEOJSON_TYPE) return GEOJSON_TYPE;
  return 'text/csv';
}

/** importAssets: the file as it is, with the upload's progress. */
export const importNetwork = (what: ImportWhat, file: File, lang: string, onProgress: UploadProgress) =>
  uploadFile<NetworkImport>('/api/infra/import', file, {
    contentType: networkFileType(file),
    lang,
    onProgress,
    query: { what },
  });
