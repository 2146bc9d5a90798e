/** Trajectories' API calls and the shapes the console reads of them (see /openapi.json, tag trajectories). */
import type { Ok } from '@renxing/ui/api-types';
import { api } from '@renxing/ui/client';
import { type UploadProgress, uploadFile } from '@renxing/ui/upload';

// Every type below comes from the API's schemas (packages/ui/src/generated/openapi.ts, see
// @renxing/ui/api-types).

/** listTrajectoryDays */
export type TrajectoryDay = Ok<'listTrajectoryDays'>['days'][number];

/** importPings */
export type PingsImport = Ok<'importPings'>;

/** verifyTrajectoryRetention, purgeTrajectories */
export type RetentionCheck = Ok<'verifyTrajectoryRetention'>;
export type TrajectoryPurge = Ok<'purgeTrajectories'>;

/** getStreamStatus: `{ enabled: false }`, or the stream's partitions, shards, members and totals. */
export type StreamStatus = Ok<'getStreamStatus'>;
export type StreamPartition = NonNullable<StreamStatus['partitions']>[number];
export type StreamShard = NonNullable<StreamStatus['shards']>[number];
export type StreamMember = NonNullable<StreamStatus['members']>[number];

/** The retention window the API applies when none is given (modules/trajectories/rules/days.ts). */
export const DEFAULT_RETENTION_DAYS = 21;

export const listTrajectoryDays = (signal?: AbortSignal) =>
  api.get<Ok<'listTrajectoryDays'>>('/api/trajectories/days', undefined, signal);

export const verifyTrajectoryRetention = (retentionDays: number, signal?: AbortSignal) =>
  api.get<RetentionCheck>('/api/trajectories/retention', { retentionDays }, signal);

export const purgeTrajectories = (retentionDays: number) =>
  api.post<TrajectoryPurge>('/api/trajectories/purge', undefined, { retentionDays });

export const getStreamStatus = (signal?: AbortSignal) =>
  api.get<StreamStatus>('/api/stream/status', undefined, signal);

/** importPings: the CSV as the body, with the upload's progress. */
export const importPings = (file: File, lang: string, onProgress: UploadProgress) =>
  uploadFile<PingsImport>('/api/pings/import', file, { contentType: 'text/csv', lang, onProgress });
