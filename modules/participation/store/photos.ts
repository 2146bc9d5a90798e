/** A report's photo: its bytes, the type its magic bytes proved, its size and digest. */
import type { Db } from '@renxing/db';

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface Photo {
  contentType: PhotoType;
  size: number;
  sha256: string;
  bytes: Buffer;
}

export async function upsertPhoto(db: Db, reportId: string, p: Photo, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO report_photos (report_id, content_type, size, sha256, bytes, stored_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (report_id) DO UPDATE
       SET content_type = EXCLUDED.content_type, size = EXCLUDED.size, sha256 = EXCLUDED.sha256,
           bytes = EXCLUDED.bytes, stored_at = EXCLUDED.stored_at`,
    [reportId, p.contentType, p.size, p.sha256, p.bytes, at],
  );
  await db.query('UPDATE reports SET has_photo = true, updated_at = $2 WHERE id = $1', [reportId, at]);
}

export async function photoOf(db: Db, reportId: string): Promise<Photo | null> {
  const { rows } = await db.query<{
    content_type: PhotoType;
    size: number;
    sha256: string;
    bytes: Uint8Array;
  }>('SELECT content_type, size, sha256, bytes FROM report_photos WHERE report_id = $1', [reportId]);
  const r = rows[0];
  if (!r) return null;
  return { contentType: r.content_type, size: r.size, sha256: r.sha256, bytes: Buffer.from(r.bytes) };
}
