/** The city's settings for the index: the only file that knows `resilience_settings`. */
import type { Db } from '@renxing/db';

export interface ResilienceSettings {
  /** Indicator keys switched off. */
  disabled: string[];
  /** The hazards the city lists. */
  hazards: string[];
}

export async function readSettings(db: Db): Promise<ResilienceSettings> {
  const { rows } = await db.query<{ disabled: string[]; hazards: string[] }>(
    'SELECT disabled, hazards FROM resilience_settings WHERE id',
  );
  const r = rows[0];
  return r ? { disabled: [...r.disabled], hazards: [...r.hazards] } : { disabled: [], hazards: [] };
}

/** Switches `key` off (`enabled` false) or on; answers whether it changed. Locks the row. */
export async function setDisabled(
  db: Db,
  key: string,
  enabled: boolean,
  by: { userId: string | null; at: Date },
): Promise<boolean> {
  const { rows } = await db.query<{ disabled: string[] }>(
    'SELECT disabled FROM resilience_settings WHERE id FOR UPDATE',
  );
  const before = new Set(rows[0]?.disabled ?? []);
  if (before.has(key) === !enabled) return false;
  if (enabled) before.delete(key);
  else before.add(key);
  const disabled = [...before].sort();
  await db.query(
    `INSERT INTO resilience_settings (id, disabled, updated_by, updated_at) VALUES (true, $1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET disabled = $1, updated_by = $2, updated_at = $3`,
    [disabled, by.userId, by.at],
  );
  return true;
}
