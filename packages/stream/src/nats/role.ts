/**
 * A role (stay builder or index worker) runs one unit per partition or shard it owns. Owned units
 * are either given (`--partitions 0,1`) or claimed as a consumer group through leases in KV:
 * `lease.p<N>` / `lease.s<N>` created with the member's id (create fails while another holds it),
 * refreshed well within the bucket's TTL; members announce themselves with `member.<kind>.<id>`.
 * Each member holds at most ceil(total / live members) and gives back extras when members join;
 * a dead member's leases expire and are taken. A lost lease stops its unit at once.
 */
import { RenxingError } from '@renxing/contracts';
import type { StreamClient } from './client.js';
import { keyToken, shareOf, takeOrder, toRelease } from './lease-plan.js';

export type RoleKind = 'builder' | 'index';

/** One partition's builder or one shard's index, running. */
export interface Unit {
  /** Set when the unit stopped on its own after an error (it is restarted from its snapshot). */
  readonly failed: boolean;
  /** The last stream sequence handled. */
  readonly covered: number;
  /** Refreshes the lag gauge. */
  refreshLag(): Promise<void>;
  stop(): Promise<void>;
}

export interface RoleStatus {
  id: string;
  kind: RoleKind;
  /** Partitions (builder) or shards (index) held now. */
  owned: number[];
  /** The last stream sequence handled, per owned unit. */
  covered: Record<number, number>;
  /** Whether units are claimed through leases (false: given explicitly). */
  leased: boolean;
}

export interface Role {
  readonly id: string;
  readonly kind: RoleKind;
  status(): RoleStatus;
  stop(): Promise<void>;
}

interface Held {
  revision: number;
  unit: Promise<Unit | null>;
  /** Set once `unit` settles (a unit restoring a large snapshot must not hold up lease refreshes). */
  settled: boolean;
}

export class UnitGroup implements Role {
  private readonly held = new Map<number, Held>();
  private readonly order: number[];
  private readonly letter: string;
  private readonly memberKey: string;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly c: StreamClient,
    readonly kind: RoleKind,
    readonly id: string,
    private readonly total: number,
    private readonly startUnit: (n: number) => Promise<Unit>,
    private readonly fixed: number[] | undefined,
    private readonly log: (line: string) => void,
  ) {
    this.order = takeOrder(total, id);
    this.letter = kind === 'builder' ? 'p' : 's';
    this.memberKey = `member.${kind}.${keyToken(id)}`;
  }

  async start(): Promise<void> {
    if (this.fixed) for (const n of this.fixed) this.hold(n, 0);
    await this.tick();
    const every = Math.max(200, (this.c.leaseSeconds * 1000) / 4);
    this.timer = setInterval(() => {
      this.ticking ??= this.tick().finally(() => {
        this.ticking = null;
      });
    }, every);
  }

  status(): RoleStatus {
    return {
      id: this.id,
      kind: this.kind,
      owned: [...this.held.keys()].sort((a, b) => a - b),
      covered: Object.fromEntries([...this.held.keys()].map((n) => [n, this.coveredOf(n)])),
      leased: !this.fixed,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    await Promise.all([...this.held.keys()].map((n) => this.release(n)));
    await Promise.all(this.releasing);
    if (!this.fixed) await this.c.leases.delete(this.memberKey).catch(() => undefined);
  }

  private readonly covers = new Map<number, Unit>();

  private coveredOf(n: number): number {
    return this.covers.get(n)?.covered ?? 0;
  }

  private hold(n: number, revision: number): void {
    const h: Held = { revision, unit: Promise.resolve(null), settled: false };
    this.launch(n, h);
    this.held.set(n, h);
  }

  private launch(n: number, h: Held): void {
    h.settled = false;
    h.unit = this.startUnit(n).then(
      (u) => {
        h.settled = true;
        if (this.held.get(n) === h) this.covers.set(n, u);
        return u;
      },
      (e) => {
        h.settled = true;
        this.log(`${this.kind} ${this.letter}${n}: could not start: ${(e as Error).message}`);
        return null;
      },
    );
  }

  /** Stopping a unit can wait on a batch being stored: never let it hold up lease refreshes. */
  private readonly releasing = new Set<Promise<void>>();

  private inBackground(p: Promise<void>): void {
    this.releasing.add(p);
    void p.finally(() => this.releasing.delete(p));
  }

  private leaseKey(n: number): string {
    return `lease.${this.letter}${n}`;
  }

  /** Stops a unit and, when leased, gives its lease back at once (so another member need not wait for the TTL). */
  private async release(n: number, lost = false): Promise<void> {
    const h = this.held.get(n);
    if (!h) return;
    this.held.delete(n);
    this.covers.delete(n);
    const unit = await h.unit;
    await unit
      ?.stop()
      .catch((e) => this.log(`${this.kind} ${this.letter}${n}: stop: ${(e as Error).message}`));
    if (!this.fixed && !lost)
      await this.c.leases.delete(this.leaseKey(n), { previousSeq: h.revision }).catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      if (!this.fixed) await this.claim();
      // Restart units that stopped on an error (from their snapshots: exact), and refresh lags.
      for (const [n, h] of [...this.held]) {
        if (!h.settled) continue;
        const unit = await h.unit;
        if (this.stopped || this.held.get(n) !== h) continue;
        if (unit === null || unit.failed) {
          this.log(`${this.kind} ${this.letter}${n}: restarting from its snapshot`);
          await unit?.stop().catch(() => undefined);
          if (this.stopped || this.held.get(n) !== h) continue;
          this.launch(n, h);
        } else void unit.refreshLag().catch(() => undefined);
      }
    } catch (e) {
      this.log(`${this.kind} ${this.id}: ${(e as Error).message}`);
    }
  }

  private async claim(): Promise<void> {
    const kv = this.c.leases;
    await kv.put(this.memberKey, String(Date.now()));
    for (const [n, h] of [...this.held]) {
      try {
        h.revision = await kv.update(this.leaseKey(n), this.id, h.revision);
      } catch (e) {
        this.log(
          `${this.kind} ${this.id}: lost the lease of ${this.letter}${n} (${(e as Error).message}); stopping it`,
        );
        // In the background: a unit stopping may wait on a batch being stored, and a tick held up
        // by it would stop refreshing this member and never claim a share again.
        this.inBackground(this.release(n, true));
      }
    }
    let members = 0;
    for await (const _ of await kv.keys(`member.${this.kind}.*`)) members++;
    const share = shareOf(this.total, members);
    const owned = this.order.filter((n) => this.held.has(n));
    for (const n of toRelease(owned, share)) {
      this.log(`${this.kind} ${this.id}: giving back ${this.letter}${n} (${members} members)`);
      this.inBackground(this.release(n));
    }
    for (const n of this.order) {
      if (this.stopped || this.held.size >= share) break;
      if (this.held.has(n)) continue;
      try {
        this.hold(n, await kv.create(this.leaseKey(n), this.id));
      } catch {
        // Held by another member.
      }
    }
  }
}

/** Runs a role: given units, or a consumer group over leases. */
export async function startRole(
  c: StreamClient,
  kind: RoleKind,
  id: string,
  total: number,
  given: number[] | undefined,
  startUnit: (n: number) => Promise<Unit>,
  log: (line: string) => void,
): Promise<Role> {
  for (const n of given ?? [])
    if (!Number.isSafeInteger(n) || n < 0 || n >= total)
      throw new RenxingError('RX_STREAM_CONFIG', { detail: `${kind} unit ${n} is not in 0–${total - 1}` });
  const group = new UnitGroup(c, kind, id, total, startUnit, given ? [...new Set(given)] : undefined, log);
  await group.start();
  return group;
}
