/** The caller as mutual aid's services see them. */
import type { Role } from '@renxing/contracts';

export interface AidActor {
  /** A user id; null for the system (the timer, the CLI, the demo): audited as `system:mutual-aid`. */
  userId: string | null;
  /** The user's role; null for the system. */
  role: Role | null;
  /**
   * Staff: their place path (they see the requests of the places under it). Null for a resident
   * (they see their own requests only), a volunteer (their own offers only) and the system (all).
   */
  scope: string | null;
  /** The person a resident's account is linked to (their own requests). */
  personId: string | null;
  now: Date;
}

/** The system (the scheduled matcher, the demo): sees everything. */
export const systemActor = (now: Date): AidActor => ({
  userId: null,
  role: null,
  scope: null,
  personId: null,
  now,
});

/** The audit row's actor. */
export const auditActor = (a: AidActor): string => a.userId ?? 'system:mutual-aid';

/** Whether the actor is a resident acting for themself. */
export const isResident = (a: AidActor): boolean => a.role === 'resident';
