/**
 * The sites of `bench:screening` (bench/src/screening.ts) scanning through the API: each site
 * signed in as its own sampler, scanning one swab after another into its own tubes of 10
 * (POST /api/screening/samples, the person by ID number), all sites at once.
 */
import { barcode, idNumber, POOL, slotPerson } from './screening-seed.js';

export interface Session {
  cookie: string;
  'x-csrf-token': string;
}

/** Signs each user in; their cookie and CSRF headers. */
export async function signIn(base: string, usernames: string[], password: string): Promise<Session[]> {
  const sessions: Session[] = [];
  for (const username of usernames) {
    const res = await fetch(`${base}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    sessions.push({
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0],
      'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken,
    });
  }
  return sessions;
}

/**
 * Slots 0 .. samples − 1 scanned: site s fills tubes s, s + sites, … (10 slots each), one request
 * at a time, every site at once. Each answer is checked (200, the slot's position, not a
 * duplicate). Returns the seconds, each request's milliseconds and this process's CPU per sample.
 */
export async function scanAll(
  base: string,
  sessions: Session[],
  sites: { id: string }[],
  samples: number,
): Promise<{ secs: number; latencies: number[]; cpuPerSample: number }> {
  const latencies: number[] = [];
  let wrong = 0;
  let firstError = '';
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    sites.map(async (site, s) => {
      for (let tube = s; tube < samples / POOL; tube += sites.length) {
        for (let j = tube * POOL; j < (tube + 1) * POOL; j++) {
          const r0 = performance.now();
          const res = await fetch(`${base}/api/screening/samples`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...sessions[s] },
            body: JSON.stringify({
              siteId: site.id,
              tube: barcode(tube),
              person: { idNumber: idNumber(slotPerson(j)) },
            }),
          });
          const body = (await res.json()) as { position?: number; duplicate?: boolean };
          latencies.push(performance.now() - r0);
          if (res.status !== 200 || body.position !== (j % POOL) + 1 || body.duplicate) {
            wrong++;
            firstError ||= `${res.status} ${JSON.stringify(body).slice(0, 300)}`;
          }
        }
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (wrong > 0) throw new Error(`registration: ${wrong} answers not as expected, first: ${firstError}`);
  return { secs, latencies, cpuPerSample: (cpu.user + cpu.system) / 1000 / samples };
}
