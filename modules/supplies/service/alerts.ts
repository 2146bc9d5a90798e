/**
 * Supplies' alerts (shared/contracts/preparedness.md): a lot expiring within 30 days, a gap above
 * zero, a store below an item's minimum — as they stand (listSupplyAlerts), and raised as items in
 * the inbox of the store's place or the place with the gap (raiseSupplyAlerts, which the API runs
 * on demand and the demo calls). An alert already raised (same origin and reference) is not raised
 * again, whatever became of its item.
 */
import type { Db } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { localDate, type PlatformItem, raisePlatformItems } from '@renxing/modules/inbox';
import { EXPIRY_ALERT_DAYS } from '../rules/stock.js';
import { type BelowMinimum, belowMinimum, type ExpiringLot, expiringLots } from '../store/alerts.js';
import { amount } from './actor.js';
import { type SupplyGapRow, supplyGaps } from './gaps.js';

export const EXPIRY_ORIGIN = 'supplies.expiry';
export const GAP_ORIGIN = 'supplies.gap';
export const MINIMUM_ORIGIN = 'supplies.minimum';

const DAY = 86_400_000;

export interface GapAlert extends SupplyGapRow {
  placeId: string;
  itemName: string;
  unit: string;
}

export interface SupplyAlerts {
  under: string;
  at: Date;
  /** Lots holding stock that expire within 30 days (or have expired), soonest first. */
  expiring: (ExpiringLot & { expired: boolean })[];
  /** Places with a gap above zero now (communities and the levels above them). */
  gaps: GapAlert[];
  /** Stores holding less of an item than its minimum. */
  belowMinimum: BelowMinimum[];
}

/** The alerts standing at `now` at or under `under` (the gaps at the horizon `now`). */
export async function supplyAlerts(db: Db, q: { under: string; now: Date }): Promise<SupplyAlerts> {
  const expiring = await expiringLots(db, {
    under: q.under,
    until: new Date(q.now.getTime() + EXPIRY_ALERT_DAYS * DAY),
  });
  const gaps = await supplyGaps(db, { under: q.under, horizon: q.now });
  const ids = await placeIds(
    db,
    gaps.rows.filter((r) => r.gap > 0).map((r) => r.path),
  );
  const items = new Map(gaps.items.map((i) => [i.code, i]));
  return {
    under: q.under,
    at: q.now,
    expiring: expiring.map((l) => ({ ...l, expired: l.expiresAt.getTime() <= q.now.getTime() })),
    gaps: gaps.rows
      .filter((r) => r.gap > 0)
      .map((r) => ({
        ...r,
        placeId: ids.get(r.path)!,
        itemName: items.get(r.item)?.name ?? r.item,
        unit: items.get(r.item)?.unit ?? '',
      }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.item < b.item ? -1 : 1)),
    belowMinimum: await belowMinimum(db, q),
  };
}

async function placeIds(db: Db, paths: readonly string[]): Promise<Map<string, string>> {
  if (paths.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; path: string }>(
    'SELECT id, path FROM places WHERE path = ANY($1::text[])',
    [[...new Set(paths)]],
  );
  return new Map(rows.map((r) => [r.path, r.id]));
}

/** The inbox items of the alerts: one per lot, per place and item, per store and item. */
export function alertItems(a: SupplyAlerts): PlatformItem[] {
  const now = a.at.getTime();
  const soon = (t: number) => new Date(Math.max(t, now + DAY));
  const expiry = a.expiring.map(
    (l): PlatformItem => ({
      origin: EXPIRY_ORIGIN,
      ref: l.lotId,
      personId: null,
      placeId: l.placeId,
      duty: EXPIRY_ORIGIN,
      title: l.expired
        ? `过期物资待报废：${l.storeName} ${l.itemName} ${amount(l.quantity)}${l.unit}（${localDate(l.expiresAt)} 已过期）`
        : `临期物资：${l.storeName} ${l.itemName} ${amount(l.quantity)}${l.unit}，${localDate(l.expiresAt)} 过期`,
      due: soon(l.expiresAt.getTime()),
      priority: l.expiresAt.getTime() <= now + 7 * DAY ? 'urgent' : 'normal',
      detail: {
        titleEn: `${l.expired ? 'Expired' : 'Expiring'}: ${l.quantity} ${l.unit} of ${l.itemName} in ${l.storeName}, expiry ${localDate(l.expiresAt)}`,
        store: l.storeId,
        item: l.item,
        quantity: l.quantity,
        expiresAt: l.expiresAt.toISOString(),
      },
    }),
  );
  const gaps = a.gaps.map(
    (g): PlatformItem => ({
      origin: GAP_ORIGIN,
      ref: `${g.path}/${g.item}`,
      personId: null,
      placeId: g.placeId,
      duty: GAP_ORIGIN,
      title: `物资缺口：${g.name} ${g.itemName} 缺 ${amount(g.gap)}${g.unit}`,
      due: new Date(now + 3 * DAY),
      priority: 'normal',
      detail: {
        titleEn: `Supply gap: ${g.name} lacks ${amount(g.gap)} ${g.unit} of ${g.itemName}`,
        place: g.path,
        item: g.item,
        requirement: g.requirement,
        stock: g.stock,
        gapsBelow: g.gapsBelow,
        gap: g.gap,
      },
    }),
  );
  const minimum = a.belowMinimum.map(
    (m): PlatformItem => ({
      origin: MINIMUM_ORIGIN,
      ref: `${m.storeId}/${m.item}`,
      personId: null,
      placeId: m.placeId,
      duty: MINIMUM_ORIGIN,
      title: `低于最低储备：${m.storeName} ${m.itemName} 现有 ${amount(m.stock)}${m.unit}，最低 ${amount(m.minimum)}${m.unit}`,
      due: new Date(now + 3 * DAY),
      priority: 'normal',
      detail: {
        titleEn: `Below minimum: ${m.storeName} holds ${m.stock} ${m.unit} of ${m.itemName}, minimum ${m.minimum}`,
        store: m.storeId,
        item: m.item,
        stock: m.stock,
        minimum: m.minimum,
      },
    }),
  );
  return [...expiry, ...gaps, ...minimum];
}

export interface RaisedAlerts {
  /** Items new in the inbox (alerts raised before are not raised again). */
  raised: number;
  expiring: number;
  gaps: number;
  belowMinimum: number;
}

/**
 * Raises the alerts standing at `now` (under one place, default every city) as inbox items of the
 * store's or the place's inbox, with one audit row when any is new. Re-raising is a no-op.
 */
export async function raiseSupplyAlerts(
  db: Db,
  now: Date,
  o: { under?: string; actor?: string } = {},
): Promise<RaisedAlerts> {
  const roots = o.under
    ? [o.under]
    : (
        await db.query<{ path: string }>('SELECT path FROM places WHERE parent_id IS NULL ORDER BY path')
      ).rows.map((r) => r.path);
  const total: RaisedAlerts = { raised: 0, expiring: 0, gaps: 0, belowMinimum: 0 };
  for (const under of roots) {
    const alerts = await supplyAlerts(db, { under, now });
    const items = alertItems(alerts);
    await db.transaction(async (tx) => {
      const { raised } = await raisePlatformItems(tx, items, now);
      if (raised > 0) {
        await appendAudit(tx, {
          actor: o.actor ?? 'system:supplies',
          action: 'supplies.alerts.raise',
          subjectType: 'place',
          subjectId: under,
          detail: {
            raised,
            expiring: alerts.expiring.length,
            gaps: alerts.gaps.length,
            belowMinimum: alerts.belowMinimum.length,
          },
        });
      }
      total.raised += raised;
    });
    total.expiring += alerts.expiring.length;
    total.gaps += alerts.gaps.length;
    total.belowMinimum += alerts.belowMinimum.length;
  }
  return total;
}
