/** The caller as the network's services see them. */

export interface InfraActor {
  /** A user id; null for the system (the CLI, the demo): audited as `system:infrastructure`. */
  userId: string | null;
  /**
   * The caller's place path: they see and change the assets standing at or under it, or operated
   * from a place at or under it (store/network.ts `seenFrom`). Null: the whole database (the system).
   */
  scope: string | null;
  now: Date;
}

/** The audit row's actor. */
export const auditActor = (a: InfraActor): string => a.userId ?? 'system:infrastructure';
