/**
 * The demo city's community inbox: departments, a published responsibility list (own, assist,
 * negative, certificate and abolished-certificate items, each with its legal basis), and a month of
 * requests from six departments replayed day by day through the real services — departments
 * asking under the same duty codes for the same field keys in overlapping windows, the communities
 * answering some forms (so later forms arrive pre-filled), refused negative-list and abolished
 * requests, one one-off admission — so the burden figures mean something on first start.
 */
import { RenxingError } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import {
  answerWorkItem,
  approveAdmission,
  burden,
  burdenCounts,
  createDepartment,
  type FieldType,
  getWorkItem,
  type InboxActor,
  importDutyList,
  listItems,
  localDate,
  submitWorkRequest,
  updateWorkItem,
} from '@renxing/modules/inbox';

import { ANSWERS, D1, D2, D3, DEMO_DEPARTMENTS, DEMO_DUTY_LIST, PLANS, S1, S2 } from './inbox-month.js';

export interface DemoInboxUsers {
  /** The city admin's id: publishes the list and approves the admission. */
  admin: string;
  /** Department code → its officer's user id. */
  departments: Record<string, string>;
  /** Staff who answer for a community: the narrowest user whose place holds it. */
  staff: { id: string; place: string }[];
}

export interface DemoInboxResult {
  departments: number;
  dutyItems: number;
  requests: number;
  refused: number;
  answered: number;
  demands: number;
  items: number;
  itemsSaved: number;
  fieldsSaved: number;
}

/** Creates the departments (before their officers can be linked). */
export async function seedDepartments(db: Db, now: Date): Promise<void> {
  const actor: InboxActor = { userId: 'system:demo', scope: 'cq', department: null, now };
  for (const d of DEMO_DEPARTMENTS) await createDepartment(db, d, actor);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const RANGES: Record<string, [number, number]> = {
  'elderly.living_alone': [4, 40],
  'elderly.disabled': [2, 25],
  'vaccination.over_60_done': [20, 180],
  'migrants.count': [30, 400],
  'rentals.count': [10, 160],
  'buildings.old': [3, 40],
  'buildings.dangerous': [0, 4],
  'fire.hazards': [0, 12],
  'fire.ev_chargers': [1, 8],
  'shelters.count': [1, 4],
  'shelters.capacity': [300, 2000],
  'volunteers.count': [10, 80],
  'waste.points': [6, 30],
  'waste.sorting_rate': [55, 95],
  'low_income.households': [2, 30],
  'disabled.count': [5, 40],
};
const WORKERS = '王秀英李建华张丽刘洋陈静杨敏';

/** What a community types for a field it has no value for (deterministic per community and key). */
function typed(field: { key: string; type: FieldType }, community: string): string | number | boolean {
  const h = hash(`${community}|${field.key}`);
  if (field.key === 'contact.person') return `${WORKERS.slice((h % 6) * 2, (h % 6) * 2 + 2)}`;
  if (field.key === 'contact.phone') return `023-6${String(h % 10_000_000).padStart(7, '0')}`;
  if (field.type === 'text') return `${(h % 30) + 3} 栋，集中在老街片区`;
  if (field.type === 'boolean') return h % 2 === 0;
  if (field.type === 'date') return '2026-01-01';
  const [lo, hi] = RANGES[field.key] ?? [1, 100];
  return lo + (h % (hi - lo + 1));
}

/**
 * Replays the month: each day's requests, then that day's answers. `now` is the real clock: the
 * month is the 30 days before today, so getBurdenStats' default period covers it.
 */
export async function seedInbox(
  db: Db,
  users: DemoInboxUsers,
  o: {
    now: Date;
    communities: readonly string[];
    /** The community the demo's worker serves: the requests centre on its district. */
    focus: string;
    log?: (line: string) => void;
  },
): Promise<DemoInboxResult> {
  const log = o.log ?? (() => {});
  const today = localDate(o.now);
  const dayStart = Date.parse(`${today}T00:00:00+08:00`) - 30 * 86400_000;
  const at = (day: number, hour: number) => new Date(dayStart + day * 86400_000 + hour * 3600_000);
  const date = (day: number) => localDate(at(day, 12));
  const city = (now: Date): InboxActor => ({ userId: users.admin, scope: 'cq', department: null, now });

  const csv = [
    'code,list,title,department,legal_basis',
    ...DEMO_DUTY_LIST.map((row) => row.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')),
  ].join('\n');
  const list = await importDutyList(db, new TextEncoder().encode(`${csv}\n`), {
    kind: 'csv',
    source: { file: '社区工作事项清单.csv' },
    note: '社区工作事项清单（2026 年版）：依法履职、依法协助、负面清单、证明事项',
    actor: city(at(0, 8)),
  });
  if (list.rejects.length > 0) throw new Error(`demo duty list: ${JSON.stringify(list.rejects[0])}`);

  const index = new Map(o.communities.map((c, k) => [c, k]));
  const up = (path: string, n: number) => path.split('.').slice(0, n).join('.');
  const districts = [...new Set([up(o.focus, 2), ...o.communities.map((c) => up(c, 2))])];
  const streets = [...new Set(o.communities.filter((c) => up(c, 2) === districts[0]).map((c) => up(c, 3)))];
  const s1 = up(o.focus, 3);
  const place: Record<string, string> = {
    [D1]: districts[0],
    [D2]: districts[1] ?? districts[0],
    [D3]: districts[2] ?? districts[0],
    [S1]: s1,
    [S2]: streets.find((s) => s !== s1) ?? s1,
  };
  const staffFor = (path: string) =>
    users.staff
      .filter((s) => path === s.place || path.startsWith(`${s.place}.`))
      .sort((a, b) => b.place.length - a.place.length)[0]?.id ?? users.admin;

  let requests = 0;
  let refused = 0;
  let answered = 0;
  for (let day = 0; day < 30; day++) {
    let hour = 9;
    for (const p of PLANS.filter((x) => x.day === day)) {
      const now = at(day, hour++);
      let admission: string | null = null;
      if (p.admission) {
        admission = await approveAdmission(
          db,
          {
            department: p.department,
            duty: p.duty,
            reason: '登革热输入病例，蚊媒孳生地清查（一事一议，市政府常务会议同意）',
            validUntil: at(day + 10, 0),
          },
          city(now),
        );
      }
      try {
        await submitWorkRequest(
          db,
          {
            department: p.department,
            duty: p.duty,
            kind: p.kind,
            title: p.title,
            targets: [...new Set(p.targets.map((t) => place[t] ?? t))],
            due: at(day + p.due, 18),
            window: p.window ? { from: date(p.window[0]), to: date(p.window[1]) } : null,
            priority: p.priority ?? 'normal',
            resources: p.resources ?? null,
            admission,
            fields: p.fields ?? [],
          },
          { userId: users.departments[p.department], scope: 'cq', department: p.department, now },
        );
        requests++;
      } catch (e) {
        if (!(e instanceof RenxingError && e.code.startsWith('RX_DUTY_'))) throw e;
        refused++;
      }
    }
    for (const a of ANSWERS.filter((x) => x.day === day)) {
      const now = at(day, 16);
      const { items } = await listItems(db, { scope: 'cq', now, limit: 1000 });
      for (const item of items.filter((i) => i.duty === a.duty)) {
        const k = index.get(item.placePath) ?? 0;
        // The focus district answers busily; elsewhere less (and the seed stays quick).
        const share = item.placePath.startsWith(`${districts[0]}.`) ? a.share : a.share * 0.4;
        if (hash(`${item.placePath}|${a.day}|${a.duty}`) % 100 >= share * 100) continue;
        const actor: InboxActor = {
          userId: staffFor(item.placePath),
          scope: item.placePath,
          department: null,
          now,
        };
        const view = await getWorkItem(db, item.id, actor);
        if (view.fields.length === 0) {
          await updateWorkItem(db, item.id, { state: 'done', note: '已完成' }, actor);
        } else {
          const values: Record<string, unknown> = {};
          for (const f of view.fields) {
            // A pre-fill is confirmed, now and then corrected (one community in seven).
            values[f.answerKey] =
              f.prefill && (k + f.key.length) % 7 !== 0 ? f.prefill.value : typed(f, item.placePath);
          }
          await answerWorkItem(db, item.id, values, actor);
        }
        answered++;
      }
    }
  }
  const counts = await burdenCounts(db, { under: 'cq', from: date(0), to: today });
  const b = burden(counts.total);
  log(
    `inbox: ${DEMO_DEPARTMENTS.length} departments, ${list.items} duty items, ${requests} requests (${refused} refused), ` +
      `${b.demands} demands in ${b.items} items (${Math.round(b.itemsSaved * 100)} % saved), ` +
      `${b.fieldsEntered} of ${b.fieldsRequested} fields typed (${Math.round(b.fieldsSaved * 100)} % saved)`,
  );
  return {
    departments: DEMO_DEPARTMENTS.length,
    dutyItems: list.items,
    requests,
    refused,
    answered,
    demands: b.demands,
    items: b.items,
    itemsSaved: b.itemsSaved,
    fieldsSaved: b.fieldsSaved,
  };
}
