/**
 * The demo's emergency supplies: the city's catalogue (masks, drinking water, instant noodles,
 * blankets, tents, sandbags, generators, medical kits …), stores at the city, the focus
 * community's district and street and the street's communities, norms for an epidemic and a flood
 * over the focus street under the sources 'demo:epidemic' and 'demo:flood' until the
 * plans module sets its own, and stock sized from them: two communities short, street and district
 * stores covering part of it, some lots expiring within 30 days, one expired awaiting write-off, a
 * few weeks of movements, and the alerts raised in the inboxes. Everything goes through the
 * supplies services, audited as users would make it.
 */
import type { Db } from '@renxing/db';
import {
  createSupplyStore,
  importSupplyItems,
  issueStock,
  raiseSupplyAlerts,
  receiveStock,
  type SuppliesActor,
  setSupplyNorms,
  supplyGaps,
  transferStock,
} from '@renxing/modules/supplies';

export interface DemoSuppliesResult {
  items: number;
  stores: number;
  receipts: number;
  /** Communities with a gap above zero for some item (in a week's time). */
  communitiesShort: number;
  /** Lots expiring within 30 days (or expired). */
  expiring: number;
  alertsRaised: number;
}

const DAY = 86_400_000;

export const DEMO_SUPPLY_CATALOGUE = [
  'code,name,unit,shelf_life_days,min_per_store',
  'MASK,医用外科口罩,个,1095,500',
  'WATER,瓶装饮用水,升,365,200',
  'NOODLE,方便面,箱,180,',
  'BLANKET,棉被,床,,20',
  'TENT,救灾帐篷,顶,,5',
  'SANDBAG,防汛沙袋,条,,',
  'GENERATOR,移动发电机,台,,',
  'MEDKIT,家庭急救包,个,730,10',
  'DISINFECT,含氯消毒液,升,730,',
  'LIFEJACKET,救生衣,件,,',
  'FLASHLIGHT,强光手电,个,,',
].join('\n');

/** Norms per resident over the focus street: an epidemic's and a flood's. */
const EPIDEMIC = [
  { item: 'MASK', perResident: 3 },
  { item: 'DISINFECT', perResident: 0.2 },
  { item: 'MEDKIT', perResident: 0.05 },
];
const FLOOD = [
  { item: 'WATER', perResident: 9 },
  { item: 'NOODLE', perResident: 0.1 },
  { item: 'SANDBAG', perResident: 0.5 },
  { item: 'LIFEJACKET', perResident: 0.05 },
  { item: 'BLANKET', perResident: 0.1 },
  { item: 'TENT', perResident: 0.02 },
  { item: 'GENERATOR', perResident: 0.001 },
];

/** How much of its requirement each of the street's communities holds: the last two fall short. */
const COVER = [1.3, 1.1, 0.8, 0.55];

export async function seedSupplies(
  db: Db,
  o: { now: Date; admin: string; focus: string; log: (line: string) => void },
): Promise<DemoSuppliesResult> {
  const parts = o.focus.split('.');
  const street = parts.slice(0, 3).join('.');
  const district = parts.slice(0, 2).join('.');
  const city = parts[0];
  const when = (days: number): SuppliesActor => ({
    userId: o.admin,
    scope: city,
    now: new Date(o.now.getTime() + days * DAY),
  });

  const catalogue = await importSupplyItems(db, new TextEncoder().encode(DEMO_SUPPLY_CATALOGUE), {
    actor: when(-60),
    source: { file: '应急物资目录.csv' },
  });
  const { rows: communities } = await db.query<{ path: string; name: string }>(
    `SELECT path, name FROM places WHERE level = 'community' AND path >= $1 AND path < $1 || '/' ORDER BY path`,
    [street],
  );
  const store = async (place: string, name: string) =>
    (await createSupplyStore(db, { place, name }, when(-60))).id;
  const cityStore = await store(city, '市应急物资储备库');
  const districtStore = await store(district, '区应急物资仓库');
  const streetStore = await store(street, '街道应急物资储备点');
  const communityStores = new Map<string, string>();
  for (const c of communities.slice(0, 4))
    communityStores.set(c.path, await store(c.path, `${c.name}物资站`));

  await setSupplyNorms(
    db,
    'demo:epidemic',
    EPIDEMIC.map((n) => ({ ...n, places: [street] })),
    { actor: o.admin, at: when(-30).now },
  );
  await setSupplyNorms(
    db,
    'demo:flood',
    FLOOD.map((n) => ({ ...n, places: [street] })),
    { actor: o.admin, at: when(-30).now },
  );

  // What the norms ask of each place, a week ahead.
  const need = await supplyGaps(db, { under: district, horizon: when(7).now });
  const requirement = (path: string, item: string) =>
    need.rows.find((r) => r.path === path && r.item === item)?.requirement ?? 0;
  let receipts = 0;
  const receive = async (
    storeId: string,
    item: string,
    quantity: number,
    o2: { daysAgo: number; expiresIn?: number | null; reason?: string },
  ) => {
    if (quantity <= 0) return;
    const at = when(-o2.daysAgo);
    await receiveStock(
      db,
      {
        store: storeId,
        item,
        quantity: Math.ceil(quantity),
        expiresAt:
          o2.expiresIn === undefined
            ? undefined
            : o2.expiresIn === null
              ? null
              : new Date(o.now.getTime() + o2.expiresIn * DAY),
        reason: o2.reason ?? null,
      },
      at,
    );
    receipts++;
  };

  // The city's reserve: of everything, plenty — and a batch of masks that expired yesterday.
  const reserve: Record<string, number> = {
    MASK: 200_000,
    WATER: 60_000,
    NOODLE: 3_000,
    BLANKET: 4_000,
    TENT: 600,
    SANDBAG: 20_000,
    GENERATOR: 40,
    MEDKIT: 2_000,
    DISINFECT: 5_000,
    LIFEJACKET: 1_500,
    FLASHLIGHT: 3_000,
  };
  for (const [item, q] of Object.entries(reserve))
    await receive(cityStore, item, q, { daysAgo: 45, reason: '市级储备采购' });
  await receive(cityStore, 'MASK', 8_000, { daysAgo: 40, expiresIn: -1, reason: '捐赠物资' });

  // The district holds part of the flood's need, the street part of both.
  for (const n of FLOOD)
    await receive(districtStore, n.item, requirement(district, n.item) * 0.15, {
      daysAgo: 30,
      reason: '区级防汛储备',
    });
  for (const n of [...EPIDEMIC, ...FLOOD])
    await receive(streetStore, n.item, requirement(street, n.item) * 0.1, {
      daysAgo: 25,
      reason: '街道储备',
    });

  // Each community's store, as COVER says; the focus's masks and another's water expire soon.
  const stores = [...communityStores];
  for (const [k, [path, storeId]] of stores.entries()) {
    for (const n of [...EPIDEMIC, ...FLOOD]) {
      const q = requirement(path, n.item) * (COVER[k] ?? 1);
      if (n.item === 'MASK' && k === 0) {
        await receive(storeId, n.item, q * 0.4, { daysAgo: 20, expiresIn: 18, reason: '区卫健委调拨' });
        await receive(storeId, n.item, q * 0.6, { daysAgo: 20, reason: '区卫健委调拨' });
      } else if (n.item === 'WATER' && k === 1) {
        await receive(storeId, n.item, q, { daysAgo: 15, expiresIn: 12, reason: '超市捐赠' });
      } else await receive(storeId, n.item, q, { daysAgo: 20, reason: '社区储备' });
    }
  }

  // A few weeks of movements: the city tops up the district, the street a community, residents get masks.
  await transferStock(
    db,
    { from: cityStore, to: districtStore, item: 'SANDBAG', quantity: 2_000, reason: '汛前预置' },
    when(-10),
  );
  await transferStock(
    db,
    { from: cityStore, to: districtStore, item: 'GENERATOR', quantity: 4, reason: '汛前预置' },
    when(-10),
  );
  const [firstPath, firstStore] = stores[0];
  await transferStock(
    db,
    { from: cityStore, to: streetStore, item: 'FLASHLIGHT', quantity: 200, reason: '街道夜间巡查' },
    when(-8),
  );
  const masks = Math.floor(requirement(firstPath, 'MASK') * 0.05);
  if (masks > 0)
    await issueStock(
      db,
      { store: firstStore, item: 'MASK', quantity: masks, reason: '发放给居家隔离住户' },
      when(-2),
    );

  const week = await supplyGaps(db, { under: city, horizon: when(7).now });
  const short = new Set(week.rows.filter((r) => r.level === 'community' && r.gap > 0).map((r) => r.path));
  const alerts = await raiseSupplyAlerts(db, o.now, { under: city, actor: o.admin });
  o.log(
    `supplies: ${catalogue.created} items, ${2 + 1 + communityStores.size} stores, ${receipts} receipts; ` +
      `${short.size} communities short within a week, ${alerts.expiring} lots expiring, ${alerts.raised} alerts raised`,
  );
  return {
    items: catalogue.created,
    stores: 3 + communityStores.size,
    receipts,
    communitiesShort: short.size,
    expiring: alerts.expiring,
    alertsRaised: alerts.raised,
  };
}
