/**
 * What mutual aid asks of volunteers: the verified volunteers to match at a moment, a volunteer by
 * id or by account, and the phone, revealed only through `revealPhone` (the caller audits why).
 */
import type { Db } from '@renxing/db';
import type { Skill } from '../rules/skills.js';
import { type AvailabilityWindow, cityDate } from '../rules/windows.js';
import {
  volunteerById as byId,
  phoneOf,
  type Volunteer,
  verifiedForMatching,
  volunteerBy,
} from '../store/volunteers.js';

export interface MatchableVolunteer {
  id: string;
  skills: Skill[];
  lon: number;
  lat: number;
  /** Windows ending after `at`, by start. */
  windows: AvailabilityWindow[];
  /** Tasks a day. */
  capacity: number;
  /** Tasks recorded as served (hours entries) on the city day of `at`. */
  usedToday: number;
}

/**
 * Verified volunteers (of communities at or under `placePath`, when given), with their windows
 * still open at `at` and the tasks already recorded for them on `at`'s city day (+08:00).
 */
export async function verifiedVolunteersFor(
  db: Db,
  o: { placePath?: string; at: Date },
): Promise<MatchableVolunteer[]> {
  return verifiedForMatching(db, { placePath: o.placePath, at: o.at, date: cityDate(o.at) });
}

/** One volunteer (phone masked; within `scope` when given), or undefined. */
export function volunteerById(
  db: Db,
  id: string,
  o: { scope?: string | null } = {},
): Promise<Volunteer | undefined> {
  return byId(db, id, { scope: o.scope });
}

/** The volunteer whose account this user is (a volunteer, or a resident who registered themself), or null. */
export async function volunteerOfUser(db: Db, userId: string): Promise<Volunteer | null> {
  return (await volunteerBy(db, { userId })) ?? null;
}

/** The volunteer's phone as given (normalised), or null: for the requester once they accept. */
export async function revealPhone(db: Db, volunteerId: string): Promise<string | null> {
  return (await phoneOf(db, volunteerId)) ?? null;
}
