/** The whole check of the audit log: the chain in the database, then its seals outside it. */
import type { Db } from '@renxing/db';
import { verifyAuditChain } from '../store/audit.js';
import { type AuditSealing, checkSeals } from './seals.js';

export type AuditProblem = 'hash' | 'link' | 'seal' | 'truncated';

export type AuditCheck =
  | { ok: true; rows: number; seals: number; sealedThrough: number | null }
  | {
      ok: false;
      rows: number;
      seals: number;
      sealedThrough: number | null;
      seq: number;
      problem: AuditProblem;
    };

/**
 * Every row against its hash and the row before (edits, removals, insertions out of band), then
 * every seal against the rows it vouches for (recomputed hashes, a cut-off tail). Without
 * `sealing` only the chain is checked and `seals` is 0.
 */
export async function verifyAudit(db: Db, sealing?: AuditSealing): Promise<AuditCheck> {
  const chain = await verifyAuditChain(db);
  const seals = sealing
    ? await checkSeals(db, sealing)
    : { ok: true as const, seals: 0, sealedThrough: null };
  const sealed = { seals: seals.seals, sealedThrough: seals.sealedThrough };
  if (!chain.ok) return { ...chain, ...sealed };
  if (!seals.ok) return { ok: false, rows: chain.rows, ...sealed, seq: seals.seq, problem: seals.problem };
  return { ok: true, rows: chain.rows, ...sealed };
}
