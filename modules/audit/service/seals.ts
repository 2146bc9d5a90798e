/**
 * Seals: the audit chain anchored outside the database.
 *
 * The chain in `audit_log` (0004_audit.sql) proves the rows agree with each other, but anyone who
 * can write the database can edit a row and recompute every later hash with `audit_log_hash()`,
 * or delete the last rows. So the server, which holds a key the database never sees, seals the
 * head of the chain every few seconds: it appends `{seq, mac}` to a file outside the database,
 * mac = HMAC-SHA256(key, seq and that row's hash). Because each hash covers the one before it, a
 * seal vouches for every row up to it. Verification then catches
 *   - recomputation: a sealed row's hash no longer gives its mac (`seal`);
 *   - truncation: a sealed row is gone from the end of the log (`truncated`).
 * What is not yet sealed (the last few seconds) is protected by the chain alone. Keep the key
 * (RENXING_AUDIT_KEY, or `<data dir>/audit-key`) and the seal files (RENXING_AUDIT_SEALS) off the
 * database host, and back them up with it; each database's log has its own file, named by the hash
 * of its first row.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Db, secretOf } from '@renxing/db';
import { auditEnds, auditHashes } from '../store/audit.js';

/** The key and the folder of seal files. */
export interface AuditSealing {
  readonly key: Buffer;
  readonly dir: string;
}

/** The file under the data directory holding the audit key when the environment has none. */
export const AUDIT_KEY_FILE = 'audit-key';

/** The sealing of a data directory: the key from `key` (RENXING_AUDIT_KEY) or `<dataDir>/audit-key`. */
export function auditSealing(options: { dataDir: string; key?: string; dir?: string }): AuditSealing {
  return {
    key: secretOf('RENXING_AUDIT_KEY', options.key, path.join(options.dataDir, AUDIT_KEY_FILE)),
    dir: options.dir ?? path.join(options.dataDir, 'audit-seals'),
  };
}

export type SealCheck =
  | { ok: true; seals: number; sealedThrough: number | null }
  | { ok: false; seals: number; sealedThrough: number | null; seq: number; problem: 'seal' | 'truncated' };

interface Seal {
  seq: number;
  mac: string;
  at: string;
}

function macOf(key: Buffer, seq: number, hash: string): string {
  return createHmac('sha256', key).update(`renxing.audit.seal\n${seq}\n${hash}`).digest('hex');
}

const sameMac = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const fileOf = (sealing: AuditSealing, firstHash: string): string =>
  path.join(sealing.dir, `${firstHash.slice(0, 32)}.jsonl`);

async function readSeals(file: string): Promise<Seal[] | 'unreadable'> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const seals: Seal[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const s = JSON.parse(line) as Seal;
      if (!Number.isSafeInteger(s.seq) || typeof s.mac !== 'string') return 'unreadable';
      seals.push(s);
    } catch {
      return 'unreadable';
    }
  }
  return seals;
}

/**
 * Seals the current head of the log, unless it is sealed already. Returns the sealed seq, or null
 * when the log is empty or nothing was added since the last seal. `now`: the wall time recorded.
 */
export async function sealAudit(db: Db, sealing: AuditSealing, now: Date): Promise<number | null> {
  const ends = await auditEnds(db);
  if (!ends) return null;
  const file = fileOf(sealing, ends.firstHash);
  const seals = await readSeals(file);
  const last = seals === 'unreadable' ? undefined : seals[seals.length - 1];
  if (last && last.seq >= ends.seq) return null;
  const seal: Seal = { seq: ends.seq, mac: macOf(sealing.key, ends.seq, ends.hash), at: now.toISOString() };
  await fs.mkdir(sealing.dir, { recursive: true });
  await fs.appendFile(file, `${JSON.stringify(seal)}\n`, { mode: 0o600 });
  return ends.seq;
}

/** Checks every seal of this log against the rows it vouches for; the first failing seal is reported. */
export async function checkSeals(db: Db, sealing: AuditSealing): Promise<SealCheck> {
  const ends = await auditEnds(db);
  if (!ends) return { ok: true, seals: 0, sealedThrough: null };
  const seals = await readSeals(fileOf(sealing, ends.firstHash));
  if (seals === 'unreadable') return { ok: false, seals: 0, sealedThrough: null, seq: 0, problem: 'seal' };
  const hashes = await auditHashes(
    db,
    seals.map((s) => s.seq),
  );
  let sealedThrough: number | null = null;
  for (const s of seals) {
    const hash = hashes.get(s.seq);
    const problem =
      hash === undefined
        ? s.seq > ends.seq
          ? 'truncated'
          : 'seal'
        : sameMac(macOf(sealing.key, s.seq, hash), s.mac)
          ? null
          : 'seal';
    if (problem) return { ok: false, seals: seals.length, sealedThrough, seq: s.seq, problem };
    sealedThrough = Math.max(sealedThrough ?? 0, s.seq);
  }
  return { ok: true, seals: seals.length, sealedThrough };
}
