/** The caller as participation's services see them. */
import type { Role } from '@renxing/contracts';

export interface ParticipationActor {
  /** A user id; null for the system (the ticker, the demo): audited as `system:participation`. */
  userId: string | null;
  role: Role | 'system';
  /** The person the user is (a resident), if any. */
  personId: string | null;
  /** Staff: their place path (they act at or under it). Null: a resident, or the system. */
  scope: string | null;
  now: Date;
}

export const auditActor = (a: ParticipationActor): string => a.userId ?? 'system:participation';

/** Whether the actor is the resident themself (not staff, not the system). */
export const isResident = (a: ParticipationActor): boolean => a.role === 'resident';
