/** The caller as the resilience services see them. */

export interface ResilienceActor {
  /** A user id; null for the system (the CLI, the demo, the daily run): audited as `system:resilience`. */
  userId: string | null;
  /** The caller's place path: they see communities at or under it. Null: the whole city. */
  scope: string | null;
  now: Date;
}

/** The audit row's actor. */
export const auditActor = (a: { userId: string | null }): string => a.userId ?? 'system:resilience';
