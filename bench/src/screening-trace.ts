/** Where a service call's database time goes: every statement a Db runs (transactions included), timed and summed by text. */
import type { Db } from '@renxing/db';

export interface StatementTime {
  sql: string;
  count: number;
  ms: number;
}

/** `db` with each statement timed, and the sums so far, most expensive first. */
export function traced(db: Db): { db: Db; top: (n: number) => StatementTime[] } {
  const sums = new Map<string, StatementTime>();
  const add = (sql: string, ms: number) => {
    const key = sql.replace(/\s+/g, ' ').trim().slice(0, 110);
    const s = sums.get(key) ?? { sql: key, count: 0, ms: 0 };
    s.count++;
    s.ms += ms;
    sums.set(key, s);
  };
  const wrap = (inner: Db): Db =>
    new Proxy(inner, {
      get(target, key, receiver) {
        if (key === 'query') {
          return async (sql: string, params?: readonly unknown[]) => {
            const t0 = performance.now();
            try {
              return await target.query(sql, params);
            } finally {
              add(sql, performance.now() - t0);
            }
          };
        }
        if (key === 'transaction') {
          return <T>(fn: (tx: Db) => Promise<T>) => target.transaction((tx) => fn(wrap(tx)));
        }
        return Reflect.get(target, key, receiver);
      },
    });
  return { db: wrap(db), top: (n) => [...sums.values()].sort((a, b) => b.ms - a.ms).slice(0, n) };
}
