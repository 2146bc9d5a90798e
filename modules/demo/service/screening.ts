/**
 * The demo's mass screening: over the focus community's street, a round that finished yesterday
 * (most residents sampled in 10-in-1 tubes, one positive pool whose members were re-tested one by
 * one, two of them still awaiting) and a round running today (half the street sampled so far, a
 * first plate back with two positive pools and an invalid tube). Everything goes through the
 * screening services: scans, result files, health codes and inbox items as a real day makes them.
 */
import type { Db } from '@renxing/db';
import {
  createScreeningRound,
  importTubeResults,
  registerSample,
  setScreeningExemption,
} from '@renxing/modules/screening';

export interface DemoScreeningResult {
  rounds: number;
  samples: number;
  positivePools: number;
}

const HOUR = 3600_000;

interface Who {
  /** The health officer who organises and samples. */
  health: string;
  /** The lab user who sends the results. */
  lab: string;
}

/** Residents homed under `street`, in a stable order. */
async function residents(db: Db, street: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT pe.id FROM people pe JOIN places h ON h.id = pe.home_place_id
      WHERE h.path >= $1 AND h.path < $1 || '/' ORDER BY pe.id_number, pe.id`,
    [street],
  );
  return rows.map((r) => r.id);
}

/** Scans `people` into tubes of ten at the site, one swab every ~20 s from `start`; the tubes' barcodes. */
async function sample(
  db: Db,
  o: { siteId: string; prefix: string; people: readonly string[]; start: Date; who: Who },
): Promise<string[]> {
  const tubes: string[] = [];
  for (const [i, person] of o.people.entries()) {
    const tube = `${o.prefix}${String(Math.floor(i / 10) + 1).padStart(5, '0')}`;
    if (i % 10 === 0) tubes.push(tube);
    const now = new Date(o.start.getTime() + i * 20_000);
    await registerSample(
      db,
      { siteId: o.siteId, tube, person: { by: 'id', value: person } },
      { userId: o.who.health, scope: 'cq', now },
    );
  }
  return tubes;
}

const plate = (rows: [string, string, Date][]) =>
  new TextEncoder().encode(
    `tube,result,reported_at,lab,ct\n${rows.map(([t, r, at]) => `${t},${r},${at.toISOString()},第三方检测实验室,${r === 'positive' ? '28.4' : ''}`).join('\n')}\n`,
  );

export async function seedScreening(
  db: Db,
  o: { now: Date; focus: string; who: Who; preset: string; log: (line: string) => void },
): Promise<DemoScreeningResult> {
  const street = o.focus.split('.').slice(0, 3).join('.');
  const people = await residents(db, street);
  const day = (offset: number, hour: number) => {
    const local = new Date(o.now.getTime() + 8 * HOUR);
    local.setUTCHours(hour, 0, 0, 0);
    return new Date(local.getTime() - 8 * HOUR + offset * 24 * HOUR);
  };
  const organiser = (now: Date) => ({ userId: o.who.health, scope: 'cq', now });
  const site = (place: string, name: string) => ({
    name,
    place,
    opens: '07:00',
    closes: '21:00',
    capacityPerHour: 240,
  });

  // Yesterday: 85 % of the street sampled, one positive pool; its members re-tested the same evening.
  const first = await createScreeningRound(
    db,
    {
      name: '全员核酸筛查（第一轮）',
      from: day(-1, 7),
      to: day(-1, 21),
      places: [{ path: street, zone: 'controlled' }],
      sites: [site(o.focus, '社区广场采样点')],
    },
    organiser(day(-1, 6)),
  );
  const sampled = people.slice(0, Math.floor(people.length * 0.85));
  const tubes = await sample(db, {
    siteId: first.sites[0].id,
    prefix: 'R1-',
    people: sampled,
    start: day(-1, 7),
    who: o.who,
  });
  const positive = tubes[Math.floor(tubes.length / 3)];
  await importTubeResults(
    db,
    plate(tubes.map((t) => [t, t === positive ? 'positive' : 'negative', day(-1, 14)])),
    {
      source: { file: 'R1-plate.csv' },
      actor: o.who.lab,
      now: day(-1, 14),
      preset: o.preset,
    },
  );
  const pool = sampled.slice(tubes.indexOf(positive) * 10, tubes.indexOf(positive) * 10 + 10);
  const retests: [string, string, Date][] = [];
  for (const [i, person] of pool.slice(0, 8).entries()) {
    const tube = `R1-S${String(i + 1).padStart(3, '0')}`;
    await registerSample(
      db,
      { siteId: first.sites[0].id, tube, k: 1, person: { by: 'id', value: person } },
      organiser(day(-1, 16)),
    );
    retests.push([tube, 'negative', day(-1, 20)]);
  }
  await importTubeResults(db, plate(retests), {
    source: { file: 'R1-retest.csv' },
    actor: o.who.lab,
    now: day(-1, 20),
    preset: o.preset,
  });
  o.log(
    `screening: round 1, ${sampled.length} sampled in ${tubes.length} tubes, 1 positive pool, 8 of its 10 re-tested negative`,
  );

  // Today: the second round is running — half the street sampled, the first plate back.
  const start = new Date(o.now.getTime() - 5 * HOUR);
  const second = await createScreeningRound(
    db,
    {
      name: '全员核酸筛查（第二轮）',
      from: new Date(o.now.getTime() - 6 * HOUR),
      to: new Date(o.now.getTime() + 10 * HOUR),
      places: [{ path: street, zone: 'controlled' }],
      sites: [site(o.focus, '社区广场采样点'), site(street, '街道便民服务中心采样点')],
    },
    organiser(new Date(o.now.getTime() - 7 * HOUR)),
  );
  for (const [i, reason] of (['bedridden', 'away', 'infant'] as const).entries()) {
    await setScreeningExemption(
      db,
      { roundId: second.round.id, personId: people[people.length - 1 - i], reason, note: null },
      organiser(start),
    );
  }
  const today = people.slice(0, Math.floor(people.length * 0.5));
  // Two pool members still awaiting their re-test from yesterday are sampled in single tubes.
  const waiting = pool.slice(8);
  const pooled = today.filter((p) => !waiting.includes(p));
  const tubes2 = await sample(db, {
    siteId: second.sites[0].id,
    prefix: 'R2-',
    people: pooled,
    start,
    who: o.who,
  });
  for (const [i, person] of waiting.entries()) {
    await registerSample(
      db,
      { siteId: second.sites[1].id, tube: `R2-S${i + 1}`, k: 1, person: { by: 'id', value: person } },
      organiser(start),
    );
  }
  const back = tubes2.slice(0, Math.floor(tubes2.length * 0.6));
  const positives = [back[5], back[Math.floor(back.length / 2)]].filter(Boolean);
  const results: [string, string, Date][] = back.map((t, i) => [
    t,
    positives.includes(t) ? 'positive' : i === 7 ? 'invalid' : 'negative',
    new Date(o.now.getTime() - HOUR),
  ]);
  await importTubeResults(db, plate(results), {
    source: { file: 'R2-plate-1.csv' },
    actor: o.who.lab,
    now: new Date(o.now.getTime() - HOUR),
    preset: o.preset,
  });
  o.log(
    `screening: round 2 running, ${today.length} sampled so far, ${back.length} tubes back, ${positives.length} positive pools`,
  );
  return {
    rounds: 2,
    samples: sampled.length + retests.length + today.length,
    positivePools: 1 + positives.length,
  };
}
