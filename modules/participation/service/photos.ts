/**
 * A report's photo: the bytes decide the type (JPEG, PNG or WebP by their magic numbers; a name or a
 * declared type proves nothing), at most 5 MB. Stored in its own transaction with its audit row.
 */
import { createHash } from 'node:crypto';
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import '../errors.js';
import { type Photo, type PhotoType, upsertPhoto } from '../store/photos.js';
import { auditActor, type ParticipationActor } from './actor.js';
import { reportFor } from './reports.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The image type the bytes are (null: none of JPEG, PNG, WebP). */
export function sniffPhoto(b: Uint8Array): PhotoType | null {
  const at = (i: number, bytes: number[]) => bytes.every((x, k) => b[i + k] === x);
  if (b.length >= 3 && at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (b.length >= 8 && at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF <size> WEBP
  if (b.length >= 12 && at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50]))
    return 'image/webp';
  return null;
}

/** Checks a photo's bytes: its type and size, or a RenxingError. */
export function checkPhoto(bytes: Buffer): Photo {
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new RenxingError('RX_PHOTO_TOO_LARGE', { limit: MAX_PHOTO_BYTES });
  const contentType = sniffPhoto(bytes);
  if (contentType === null || bytes.length === 0) throw new RenxingError('RX_PHOTO_TYPE');
  return { contentType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

/** Attaches (or replaces) the photo of a report the actor may change: its reporter, or staff over its place. */
export async function attachReportPhoto(
  db: Db,
  actor: ParticipationActor,
  reportId: string,
  bytes: Buffer,
): Promise<{ contentType: PhotoType; size: number; sha256: string }> {
  const photo = checkPhoto(bytes);
  return db.transaction(async (tx) => {
    await reportFor(tx, actor, reportId, { forUpdate: true });
    await upsertPhoto(tx, reportId, photo, actor.now);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'participation.report_photo',
      subjectType: 'report',
      subjectId: reportId,
      detail: { contentType: photo.contentType, size: photo.size, sha256: photo.sha256 },
    });
    return { contentType: photo.contentType, size: photo.size, sha256: photo.sha256 };
  });
}
