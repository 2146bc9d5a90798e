/**
 * Answers computed at most `maxAgeMs` ago, shared: identical requests within that time (and those
 * arriving while the first is computing) get the same answer from one computation. For summaries
 * whose readers accept seconds of delay — a dashboard polled by many — so a city's worth of
 * viewers costs one query per key every few seconds instead of one per request. A failed
 * computation is not kept. At most `maxKeys` answers are held (the oldest dropped first).
 */
export interface Recent<T> {
  get(key: string, compute: () => Promise<T>): Promise<T>;
}

export function recent<T>(maxAgeMs: number, now: () => number = Date.now, maxKeys = 1000): Recent<T> {
  const held = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key, compute) {
      const hit = held.get(key);
      const t = now();
      if (hit && t - hit.at <= maxAgeMs) return hit.value;
      const value = compute();
      held.delete(key);
      held.set(key, { at: t, value });
      value.catch(() => {
        if (held.get(key)?.value === value) held.delete(key);
      });
      if (held.size > maxKeys) held.delete(held.keys().next().value as string);
      return value;
    },
  };
}
