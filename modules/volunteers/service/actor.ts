/** The caller as volunteers' services see them. */

export interface VolunteerActor {
  /** A user id; null for the system (the CLI, the demo): audited as `system:volunteers`. */
  userId: string | null;
  /** The caller's place path: they act on volunteers of communities at or under it. Null: the whole city. */
  scope: string | null;
  now: Date;
}

/** The audit row's actor. */
export const auditActor = (a: { userId: string | null }): string => a.userId ?? 'system:volunteers';
