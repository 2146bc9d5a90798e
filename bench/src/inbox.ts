/**
 * `npm run bench:inbox [-- --pg] [-- --open N]`: the community inbox on a Jiangxi-sized month.
 *
 * Jiangxi's 一表同享 counted 91 forms with 1,849 fields reaching the base level in a month. This
 * replays such a month over the demo city's 64 communities: 91 forms from six departments, 1,849
 * fields in all, asked under eight shared duty codes in overlapping windows, a third of their
 * fields from a common pool (population, households, elderly, buildings — the same keys every
 * department asks) and the rest from each department's own, often repeated from form to form. Each
 * form arrives on its day through submitWorkRequest and reaches every community; at each week's end
 * the communities answer every open item once (getWorkItem, then answerWorkItem: a pre-filled value
 * confirmed, any other typed), and once more at the month's end. Printed:
 *
 *  - intake throughput: requests/s (and demands/s) through submitWorkRequest;
 *  - the burden, counted as getBurdenStats counts it (burdenCounts + burden), against the no-merge
 *    baseline (every demand its own item, every field typed: items_saved = fields_saved = 0);
 *  - the inbox page (listItems, 50 rows) of a community with N open items (default 1,000),
 *    against the same page as one plain SQL statement: through psql (PREPARE/EXECUTE, \timing) on
 *    the server with --pg; through the same PGlite otherwise.
 *
 * PGlite in memory by default; --pg: a database created on the server at TEST_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { type Db, migrate, openDatabase } from '@renxing/db';
import { createUser } from '@renxing/modules/access';
import { DEMO_DUTY_LIST, demoCity, demoIdNumber } from '@renxing/modules/demo';
import {
  answerWorkItem,
  burden,
  burdenCounts,
  createDepartment,
  type FieldSpec,
  getWorkItem,
  type InboxActor,
  importDutyList,
  listItems,
  localDate,
  submitWorkRequest,
} from '@renxing/modules/inbox';
import { upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    pg: { type: 'boolean', default: false },
    open: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '50' },
  },
});
const OPEN = Number(args.open);
const RUNS = Number(args.runs);

// ---------------------------------------------------------------------------------------------
// The month: 91 forms, 1,849 fields, six departments (deterministic).

const DEPARTMENTS = [
  { code: 'wsjkw', name: '市卫生健康委员会', forms: 20 },
  { code: 'mzj', name: '市民政局', forms: 18 },
  { code: 'gaj', name: '市公安局', forms: 16 },
  { code: 'zjw', name: '市住房和城乡建设委员会', forms: 14 },
  { code: 'yjj', name: '市应急管理局', forms: 12 },
  { code: 'cgj', name: '市城市管理局', forms: 11 },
];
const FORMS = 91;
const FIELDS = 1849;
const DUTIES = ['X-01', 'X-02', 'X-03', 'X-04', 'X-05', 'X-06', 'X-07', 'X-08'];

let seed = 20260101;
function random(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

/** Keys every department asks (the platform derives the first four). */
const COMMON = [
  'residents.count',
  'residents.over_60',
  'residents.over_80',
  'households.count',
  ...Array.from({ length: 76 }, (_, k) => `common.k${String(k).padStart(2, '0')}`),
];
const OWN = (dept: string) => Array.from({ length: 220 }, (_, k) => `${dept}.k${String(k).padStart(3, '0')}`);

interface Form {
  department: string;
  duty: string;
  day: number;
  window: [number, number];
  fields: FieldSpec[];
}

function month(): Form[] {
  const forms: Form[] = [];
  let i = 0;
  for (const d of DEPARTMENTS) {
    const own = OWN(d.code);
    // Each department works under a few duties, shared with the others.
    const duties = [DUTIES[i % 8], DUTIES[(i + 3) % 8], DUTIES[(i + 5) % 8]];
    for (let f = 0; f < d.forms; f++, i++) {
      const n = Math.floor(FIELDS / FORMS) + (i < FIELDS % FORMS ? 1 : 0);
      const keys = new Set<string>();
      while (keys.size < n) keys.add(random() < 1 / 3 ? pick(COMMON) : pick(own.slice(0, 60 + f * 8)));
      const day = Math.floor(random() * 28);
      const long = random() < 1 / 3;
      const window: [number, number] = long ? [0, 29] : [day, Math.min(29, day + 6)];
      forms.push({
        department: d.code,
        duty: pick(duties),
        day,
        window,
        fields: [...keys].map((key) => ({ key, label: key, type: 'integer' })),
      });
    }
  }
  return forms.sort((a, b) => a.day - b.day);
}

// ---------------------------------------------------------------------------------------------

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const fmt = (n: number, d = 1) =>
  n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

async function run(db: Db, url: string | null): Promise<void> {
  await migrate(db);
  const city = demoCity([106.55, 29.56]);
  await insertPlaces(db, city.places);
  // A few residents per community (ID numbers give the derived ages), so pre-fills from data exist.
  await upsertPeople(
    db,
    Array.from({ length: 64 * 40 }, (_, n) => ({
      name: `居民${n}`,
      phone: `139${String(n).padStart(8, '0')}`,
      idNumber: demoIdNumber(n),
      community: city.communities[n % 64],
      household: `h${Math.floor(n / 3)}`,
    })),
    { secret: Buffer.alloc(32, 9) },
  );
  const admin = await createUser(db, {
    username: 'admin',
    password: 'bench-password',
    role: 'city_admin',
    placePath: 'cq',
  });
  const now0 = new Date();
  const today = localDate(now0);
  const dayStart = Date.parse(`${today}T00:00:00+08:00`) - 31 * 86400_000;
  const at = (day: number, hour: number) => new Date(dayStart + day * 86400_000 + hour * 3600_000);
  const date = (day: number) => localDate(at(day, 12));
  const cityActor = (now: Date): InboxActor => ({ userId: admin.id, scope: 'cq', department: null, now });
  for (const d of [...DEPARTMENTS, { code: 'bench', name: '压测部门' }])
    await createDepartment(db, d, cityActor(at(0, 7)));
  const csv = [
    'code,list,title,department,legal_basis',
    ...DEMO_DUTY_LIST.map((row) => row.map((c) => `"${c}"`).join(',')),
  ].join('\n');
  await importDutyList(db, new TextEncoder().encode(csv), {
    kind: 'csv',
    source: { file: 'duty-list.csv' },
    note: 'bench',
    actor: cityActor(at(0, 8)),
  });

  const forms = month();
  const fieldCount = forms.reduce((s, f) => s + f.fields.length, 0);
  const keys = new Set(forms.flatMap((f) => f.fields.map((x) => x.key)));
  console.log(
    `month: ${forms.length} forms, ${fieldCount} fields (${keys.size} distinct keys), ${DEPARTMENTS.length} departments, ` +
      `${city.communities.length} communities`,
  );

  let intakeMs = 0;
  let demands = 0;
  let answers = 0;
  let answerMs = 0;
  const answerAll = async (day: number) => {
    const now = at(day, 20);
    const t0 = performance.now();
    for (const community of city.communities) {
      const actor: InboxActor = { userId: admin.id, scope: community, department: null, now };
      const { items } = await listItems(db, { scope: community, now, limit: 1000 });
      for (const item of items) {
        const view = await getWorkItem(db, item.id, actor);
        const values: Record<string, unknown> = {};
        for (const f of view.fields) {
          if (f.answer) continue;
          values[f.answerKey] = f.prefill ? f.prefill.value : hash(`${community}|${f.key}|${day}`) % 500;
        }
        if (Object.keys(values).length > 0) await answerWorkItem(db, item.id, values, actor);
        answers++;
      }
    }
    answerMs += performance.now() - t0;
  };
  let hour = 8;
  let lastDay = 0;
  for (const f of forms) {
    // The communities answer what is open at each week's end.
    for (let w = 7; w <= 28; w += 7) if (lastDay < w && f.day >= w) await answerAll(w - 1);
    if (f.day !== lastDay) hour = 8;
    lastDay = f.day;
    const now = at(f.day, Math.min(23, hour++));
    const t0 = performance.now();
    const r = await submitWorkRequest(
      db,
      {
        department: f.department,
        duty: f.duty,
        kind: 'form',
        title: `${f.department} ${f.duty} 报表`,
        targets: ['cq'],
        due: at(f.day + 5, 18),
        window: { from: date(f.window[0]), to: date(f.window[1]) },
        priority: 'normal',
        resources: '工作经费',
        admission: null,
        fields: f.fields,
      },
      cityActor(now),
    );
    intakeMs += performance.now() - t0;
    demands += r.communities.length;
  }
  await answerAll(30);
  console.log(
    `intake: ${forms.length} requests (${demands} demands) in ${fmt(intakeMs / 1000, 2)} s = ` +
      `${fmt(forms.length / (intakeMs / 1000))} requests/s, ${fmt(demands / (intakeMs / 1000), 0)} demands/s`,
  );
  console.log(
    `answers: ${answers} items answered once each in ${fmt(answerMs / 1000, 1)} s (${fmt(answerMs / answers, 1)} ms an item)`,
  );

  const counts = await burdenCounts(db, { under: 'cq', from: date(0), to: today });
  const b = burden(counts.total);
  const perCommunity = (n: number) => fmt(n / city.communities.length, 1);
  console.log('burden (getBurdenStats over the month, all 64 communities):');
  console.log(
    `  no merge (baseline): ${b.demands} items, ${b.fieldsRequested} fields typed ` +
      `(${perCommunity(b.demands)} forms and ${perCommunity(b.fieldsRequested)} fields per community); items_saved = fields_saved = 0`,
  );
  console.log(
    `  inbox:               ${b.items} items, ${b.fieldsEntered} fields typed, ${b.fieldsPrefilled} confirmed from a pre-fill ` +
      `(${perCommunity(b.items)} items and ${perCommunity(b.fieldsEntered)} fields per community)`,
  );
  console.log(
    `  items_saved ${pct(b.itemsSaved)}, fields_saved ${pct(b.fieldsSaved)} ` +
      `(Jiangxi's 一表同享: forms −65.3 %, fields −51.2 %)`,
  );
  for (const d of counts.departments) {
    const x = burden(d);
    console.log(
      `  ${d.key.padEnd(6)} ${String(d.demands).padStart(5)} demands → ${String(d.items).padStart(5)} items, ` +
        `fields ${d.fieldsRequested} asked, ${d.fieldsEntered} typed for it (saved ${pct(x.fieldsSaved)})`,
    );
  }

  // A community with OPEN open items: requests on disjoint days, so none merge.
  const busy = city.communities[0];
  const t1 = performance.now();
  for (let k = 0; k < OPEN; k++) {
    const day = new Date(Date.parse('2020-01-01T12:00:00Z') + k * 86400_000).toISOString().slice(0, 10);
    await submitWorkRequest(
      db,
      {
        department: 'bench',
        duty: DUTIES[k % 8],
        kind: k % 3 === 0 ? 'task' : 'form',
        title: `事项 ${k}`,
        targets: [busy],
        due: new Date(now0.getTime() + ((k * 7919) % 720) * 3600_000),
        window: { from: day, to: day },
        priority: k % 10 === 0 ? 'urgent' : 'normal',
        resources: '工作经费',
        admission: null,
        fields: [{ key: 'residents.count', label: '常住人口数', type: 'integer' }],
      },
      cityActor(now0),
    );
  }
  const { total } = await listItems(db, { scope: busy, now: now0, limit: 1 });
  console.log(
    `inbox page: ${busy} holds ${total} open items (${OPEN} added in ${fmt((performance.now() - t1) / 1000, 1)} s)`,
  );
  const times: number[] = [];
  for (let k = 0; k < RUNS + 5; k++) {
    const t0 = performance.now();
    const page = await listItems(db, { scope: busy, now: now0, limit: 50 });
    if (k >= 5) times.push(performance.now() - t0);
    if (page.items.length !== 50) throw new Error(`listItems gave ${page.items.length} rows`);
  }
  const ours = { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
  console.log(
    `  listItems (count + 50 rows): p50 ${fmt(ours.p50, 2)} ms, p95 ${fmt(ours.p95, 2)} ms (${RUNS} runs)`,
  );

  // The peer: the page as one plain statement (the open items of one community, due first).
  const sql = `SELECT i.id, i.duty, i.kind, i.title, i.state, i.due_at, i.priority, i.departments, i.window_from,
    i.window_to, i.conflicts, count(*) OVER () AS total
    FROM work_items i JOIN places pl ON pl.id = i.place_id
   WHERE pl.path = $1 AND i.state <> 'done'
   ORDER BY i.due_at::date, i.priority = 'urgent' DESC, i.due_at, i.id LIMIT 50`;
  let peer: number[] = [];
  let peerName: string;
  if (url) {
    peerName = 'psql PREPARE/EXECUTE';
    const script = [
      `PREPARE page(text) AS ${sql.replace('$1', '$1::text')};`,
      ...Array.from({ length: 5 }, () => `EXECUTE page('${busy}');`),
      '\\timing on',
      ...Array.from({ length: RUNS }, () => `EXECUTE page('${busy}');`),
    ].join('\n');
    const r = spawnSync('psql', [url, '-X', '-q', '-o', '/dev/null', '-v', 'ON_ERROR_STOP=1'], {
      input: script,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`psql failed: ${r.stderr || r.error}`);
    peer = [...`${r.stdout}\n${r.stderr}`.matchAll(/Time: ([0-9.]+) ms/g)].map((m) => Number(m[1]));
  } else {
    peerName = 'the same statement on the same PGlite';
    for (let k = 0; k < RUNS + 5; k++) {
      const t0 = performance.now();
      await db.query(sql, [busy]);
      if (k >= 5) peer.push(performance.now() - t0);
    }
  }
  const theirs = { p50: quantile(peer, 0.5), p95: quantile(peer, 0.95) };
  console.log(
    `  peer, ${peerName} (one statement, 50 rows and the total): p50 ${fmt(theirs.p50, 2)} ms, p95 ${fmt(theirs.p95, 2)} ms`,
  );
  console.log(
    `  ratio listItems / peer: p50 ${fmt(ours.p50 / theirs.p50, 1)}×, p95 ${fmt(ours.p95 / theirs.p95, 1)}×`,
  );
}

if (args.pg) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `renxing_bench_inbox_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const db = await openDatabase({ url: url.toString() }, {});
  console.log(`database: PostgreSQL (${dbName} on ${url.host})`);
  try {
    await run(db, url.toString());
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
} else {
  const db = await openDatabase({ memory: true }, {});
  console.log('database: PGlite (in memory)');
  try {
    await run(db, null);
  } finally {
    await db.close();
  }
}
