/**
 * The demo's emergency plans and the learning loop, over the focus community's street: an epidemic
 * plan (version 1: its level IV norms are the street's standing epidemic stock), and a flood plan
 * whose loop has closed once — version 1 activated at level II twenty days ago, the review rating
 * the community workers' tasks M (evacuation too slow) and the street's S, the incident closed, and
 * version 2 published six days ago bringing evacuation forward and closing the M's corrective
 * action (the S's, a training, is still open). Everything goes through the plans services.
 *
 * The plans' level IV norms are those the supplies demo set under 'demo:epidemic' and 'demo:flood'
 * "until the plans module sets its own": these sources are cleared here, so the requirement stays
 * what the demo's stock was sized for. Items missing from the catalogue (supplies not seeded) are
 * added first.
 */
import type { Db } from '@renxing/db';
import {
  activatePlan,
  closeIncident,
  createPlan,
  emptyContent,
  type PlansActor,
  type PlanTask,
  publishPlanVersion,
  submitAfterActionReview,
  type VersionContent,
} from '@renxing/modules/plans';
import { sheltersUnder } from '@renxing/modules/shelters';
import { importSupplyItems, listSupplyItems, setSupplyNorms } from '@renxing/modules/supplies';

export interface DemoPlansResult {
  plans: number;
  versions: number;
  incidents: number;
  actions: { open: number; closed: number };
}

const DAY = 86_400_000;

/** The items the plans' norms name, should the catalogue lack them. */
const ITEMS: [code: string, name: string, unit: string][] = [
  ['MASK', '医用外科口罩', '个'],
  ['DISINFECT', '含氯消毒液', '升'],
  ['MEDKIT', '家庭急救包', '个'],
  ['WATER', '瓶装饮用水', '升'],
  ['NOODLE', '方便面', '箱'],
  ['SANDBAG', '防汛沙袋', '条'],
  ['LIFEJACKET', '救生衣', '件'],
  ['BLANKET', '棉被', '床'],
  ['TENT', '救灾帐篷', '顶'],
  ['GENERATOR', '移动发电机', '台'],
];

const cw = { role: 'community_worker', placeLevel: 'community' } as const;
const so = { role: 'street_officer', placeLevel: 'street' } as const;
const ho = { role: 'health_officer', placeLevel: 'district' } as const;
const t = (
  key: string,
  title: string,
  who: PlanTask['who'],
  dueOffsetHours: number,
  group?: string,
): PlanTask => ({
  key,
  title,
  who,
  dueOffsetHours,
  ...(group ? { group } : {}),
});

function epidemicLevels(): VersionContent {
  const c = emptyContent();
  c.I = {
    tasks: [
      t('seal', '封控区域管控：设卡、出入登记', cw, 2),
      t('screen', '组织全员核酸检测', ho, 12),
      t('deliver', '封控人员生活物资配送', cw, 24, '生活保障'),
      t('vulnerable', '独居老人、慢病患者上门服务', cw, 24, '生活保障'),
      t('report', '疫情信息日报', so, 24),
    ],
    norms: [
      { item: 'MASK', perResident: 10 },
      { item: 'DISINFECT', perResident: 0.5 },
      { item: 'MEDKIT', perResident: 0.1 },
    ],
    shelters: [],
  };
  c.II = {
    tasks: [
      t('screen', '组织重点人群核酸检测', ho, 24),
      t('trace', '协助流调，排查密接', cw, 12),
      t('report', '疫情信息日报', so, 24),
    ],
    norms: [
      { item: 'MASK', perResident: 6 },
      { item: 'DISINFECT', perResident: 0.3 },
    ],
    shelters: [],
  };
  c.III = {
    tasks: [t('trace', '协助流调，排查密接', cw, 24), t('notice', '张贴防疫公告', cw, 12)],
    norms: [{ item: 'MASK', perResident: 4 }],
    shelters: [],
  };
  c.IV = {
    tasks: [t('notice', '张贴防疫公告', cw, 24), t('watch', '关注发热门诊报告', ho, 24)],
    norms: [
      { item: 'MASK', perResident: 3 },
      { item: 'DISINFECT', perResident: 0.2 },
      { item: 'MEDKIT', perResident: 0.05 },
    ],
    shelters: [],
  };
  return c;
}

/** The flood plan's version 1, or (`revised`) version 2: evacuation in 3 hours, the vulnerable first, more water. */
function floodLevels(revised: boolean, shelters: string[]): VersionContent {
  const c = emptyContent();
  c.I = {
    tasks: [
      t('evacuate', '转移危险区域全部群众', cw, 2),
      t('shelter', '开放避难场所并安置群众', so, 4),
      t('report', '灾情信息报送', so, 2),
    ],
    norms: [
      { item: 'WATER', perResident: 12 },
      { item: 'NOODLE', perResident: 0.2 },
      { item: 'BLANKET', perResident: 0.3 },
      { item: 'TENT', perResident: 0.05 },
      { item: 'LIFEJACKET', perResident: 0.1 },
    ],
    shelters,
  };
  c.II = {
    tasks: [
      t('patrol', '巡查河堤、低洼地带和地下空间', cw, 1),
      t('evacuate', '转移低洼地带群众', cw, revised ? 3 : 6),
      ...(revised ? [t('vulnerable', '优先转移独居老人、残疾人', cw, 2)] : []),
      t('sandbags', '发放沙袋，封堵地下车库入口', cw, 4),
      t('report', '灾情信息报送', so, 6),
    ],
    norms: [
      { item: 'WATER', perResident: 9 },
      { item: 'SANDBAG', perResident: 1 },
      { item: 'LIFEJACKET', perResident: revised ? 0.1 : 0.05 },
    ],
    shelters: [],
  };
  c.III = {
    tasks: [t('patrol', '巡查河堤、低洼地带和地下空间', cw, 2), t('warn', '发布汛情预警', so, 1)],
    norms: [{ item: 'SANDBAG', perResident: 0.5 }],
    shelters: [],
  };
  c.IV = {
    tasks: [t('watch', '关注气象和水位预警', cw, 24)],
    norms: [
      { item: 'WATER', perResident: revised ? 9 : 6 },
      { item: 'NOODLE', perResident: 0.1 },
      { item: 'SANDBAG', perResident: 0.5 },
      { item: 'LIFEJACKET', perResident: 0.05 },
      { item: 'BLANKET', perResident: 0.1 },
      { item: 'TENT', perResident: 0.02 },
      { item: 'GENERATOR', perResident: 0.001 },
    ],
    shelters: [],
  };
  return c;
}

export async function seedPlans(
  db: Db,
  o: { now: Date; admin: string; focus: string; health: string; log: (line: string) => void },
): Promise<DemoPlansResult> {
  const street = o.focus.split('.').slice(0, 3).join('.');
  const when = (days: number, userId = o.admin): PlansActor => ({
    userId,
    scope: 'cq',
    now: new Date(o.now.getTime() + days * DAY),
  });

  const known = new Set((await listSupplyItems(db)).map((i) => i.code));
  const missing = ITEMS.filter(([code]) => !known.has(code));
  if (missing.length > 0) {
    const csv = ['code,name,unit', ...missing.map((i) => i.join(','))].join('\n');
    await importSupplyItems(db, new TextEncoder().encode(csv), { actor: when(-60) });
  }

  // The epidemic plan: drafted by the health officer for the street.
  const epidemic = await createPlan(
    db,
    { title: '街道突发公共卫生事件应急预案', hazard: 'epidemic', owner: street },
    when(-60, o.health),
  );
  await publishPlanVersion(
    db,
    epidemic.id,
    { levels: epidemicLevels(), changeNote: '' },
    when(-60, o.health),
  );

  // The flood plan, version 1; its level I opens the street's shelters.
  const shelters = (await sheltersUnder(db, street)).slice(0, 3).map((s) => s.id);
  const flood = await createPlan(
    db,
    { title: '街道防汛应急预案', hazard: 'flood', owner: street },
    when(-60),
  );
  await publishPlanVersion(db, flood.id, { levels: floodLevels(false, shelters), changeNote: '' }, when(-60));

  // Twenty days ago: heavy rain, level II over the street.
  const { incident } = await activatePlan(db, flood.id, { level: 'II', places: [street] }, when(-20));
  const id = incident.incident.id;
  const group = (role: string) => incident.objectives.find((x) => x.role === role)!;
  await submitAfterActionReview(
    db,
    id,
    {
      objectives: [
        {
          id: group('community_worker').id,
          rating: 'M',
          note: '低洼地带转移用时近 6 小时，独居老人名单不全，两户被困后由消防救出',
          actions: [
            {
              title: '转移时限提前到 3 小时，增加独居老人、残疾人优先转移任务',
              owner: o.admin,
              due: new Date(o.now.getTime() - 3 * DAY),
              element: 'planning',
            },
          ],
        },
        {
          id: group('street_officer').id,
          rating: 'S',
          note: '灾情报送晚于规定时间约 1 小时',
          actions: [
            {
              title: '开展灾情信息报送培训',
              owner: o.admin,
              due: new Date(o.now.getTime() + 20 * DAY),
              element: 'training',
            },
          ],
        },
      ],
    },
    when(-17),
  );
  const reviewed = await closeIncident(db, id, when(-16));
  const planning = reviewed.actions.find((a) => a.element === 'planning')!;

  // Six days ago: version 2 closes the planning action.
  await publishPlanVersion(
    db,
    flood.id,
    {
      levels: floodLevels(true, shelters),
      changeNote: `根据汛后评估修订（纠正措施 ${planning.id}）：II 级转移时限由 6 小时提前到 3 小时，新增独居老人、残疾人优先转移；提高饮用水和救生衣储备标准。`,
      closes: [planning.id],
    },
    when(-6),
  );

  // The plans' standing norms replace the supplies demo's stand-ins.
  for (const source of ['demo:epidemic', 'demo:flood'])
    await setSupplyNorms(db, source, [], { actor: o.admin, at: o.now });

  o.log(`plans: 2 plans, 3 versions; the flood plan's loop closed by version 2 (1 action closed, 1 open)`);
  return { plans: 2, versions: 3, incidents: 1, actions: { open: 1, closed: 1 } };
}
