/**
 * Registering a confirmed case: by a person in the registry or by a phone number, with the window
 * of their trajectory to search. The case's own code turns red at once (rule confirmed_red); its
 * detection is queued by the caller.
 */

import { type Db, phonePseudonym, sqlState } from '@renxing/db';
import { applyHealthCodeEvent } from '@renxing/modules/health-codes';
import { type Person, personById, personByPseudonym } from '@renxing/modules/people';
import { type Case, insertCase } from '../store/cases.js';

export interface CaseInput {
  personId?: string | null;
  phone?: string | null;
  label?: string | null;
  /** When the case was confirmed (epoch seconds). */
  confirmedAt: number;
  /** The window of the case's trajectory to search (epoch seconds); null is unbounded. */
  from?: number | null;
  to?: number | null;
}

export type CaseProblem =
  | { field: 'personId'; reason: 'unknown_person' | 'no_phone' }
  | { field: 'phone'; reason: 'bad_phone' }
  | { field: 'label'; reason: 'label_taken' }
  | { field: 'to'; reason: 'from_after_to' }
  | { field: 'personId'; reason: 'person_or_phone' };

export interface RegisterOptions {
  secret: Buffer;
  preset: string;
  actorId?: string | null;
  /** Refuse a person whose home is not under this place (they read as unknown). */
  within?: (person: Person) => boolean;
}

export async function registerCase(
  db: Db,
  input: CaseInput,
  options: RegisterOptions,
): Promise<{ ok: true; case: Case; person: Person | null } | { ok: false; problem: CaseProblem }> {
  if ((input.personId ? 1 : 0) + (input.phone ? 1 : 0) !== 1) {
    return { ok: false, problem: { field: 'personId', reason: 'person_or_phone' } };
  }
  if (input.from != null && input.to != null && input.from > input.to) {
    return { ok: false, problem: { field: 'to', reason: 'from_after_to' } };
  }
  let person: Person | null = null;
  let subject: string;
  if (input.personId) {
    person = (await personById(db, input.personId)) ?? null;
    if (!person || (options.within && !options.within(person))) {
      return { ok: false, problem: { field: 'personId', reason: 'unknown_person' } };
    }
    if (!person.phonePseudonym) return { ok: false, problem: { field: 'personId', reason: 'no_phone' } };
    subject = person.phonePseudonym;
  } else {
    const pseudonym = phonePseudonym(options.secret, input.phone!);
    if (!pseudonym) return { ok: false, problem: { field: 'phone', reason: 'bad_phone' } };
    subject = pseudonym;
    person = (await personByPseudonym(db, pseudonym)) ?? null;
  }
  const at = (s: number | null | undefined) => (s == null ? null : new Date(s * 1000));
  let created: Case;
  try {
    created = await insertCase(db, {
      label: input.label ?? null,
      personId: person?.id ?? null,
      subjectPseudonym: subject,
      confirmedAt: new Date(input.confirmedAt * 1000),
      windowFrom: at(input.from),
      windowTo: at(input.to),
      preset: options.preset,
      placeId: person?.homePlaceId ?? null,
      createdBy: options.actorId ?? null,
    });
  } catch (e) {
    if (sqlState(e) === '23505') return { ok: false, problem: { field: 'label', reason: 'label_taken' } };
    throw e;
  }
  if (person) {
    await applyHealthCodeEvent(
      db,
      person.id,
      { kind: 'confirmed_case', at: input.confirmedAt },
      { preset: options.preset, caseId: created.id },
    );
  }
  return { ok: true, case: created, person };
}
