/**
 * Registering a confirmed case: by a person in the registry or by a phone number, with the window
 * of their trajectory to search. The case's own code turns red at once (rule confirmed_red); its
 * detection is queued by the caller, after the commit.
 */

import { FieldError, RenxingError } from '@renxing/contracts';
import { type Db, phonePseudonym, sqlState } from '@renxing/db';
import { appendAudit } from '@renxing/modules/audit';
import { admitInstant, applyHealthCodeEvent } from '@renxing/modules/health-codes';
import { type Person, personById, personByPseudonym } from '@renxing/modules/people';
import '../errors.js';
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

export interface RegisterOptions {
  secret: Buffer;
  preset: string;
  /** Who registers the case (a user id, or `system:…`): the audit row's actor. */
  actorId: string;
  /** Refuse a person whose home is not under this place (they read as unknown). */
  within?: (person: Person) => boolean;
  /** Set on the audit row: the registration was by phone number (the API's `phone`). */
  byPhone?: boolean;
  /**
   * The clock (epoch seconds) `confirmedAt` is checked against (the API's `ctx.now()`); default
   * the wall clock.
   */
  now?: number;
}

const subjectError = (field: string, en: string, zh: string) =>
  new FieldError('RX_CASE_SUBJECT', field, { detail: { en, 'zh-CN': zh } });

/**
 * Registers the case in one transaction: the case, the case's own code turning red, and the
 * audit row `case.create`. Throws RX_NOT_FOUND for a person unknown or outside `within`,
 * RX_CASE_SUBJECT naming the input for no or two subjects, a bad phone, a person without a phone
 * or a window ending before it starts, RX_LABEL_TAKEN for a label in use, and (naming
 * `body.confirmedAt`, by the health-code rules' admission) RX_EVENT_IN_FUTURE for a confirmation
 * in the future, RX_EVENT_TOO_OLD for one more than 72 h before `now`, and RX_EVENT_BEFORE_STATE
 * for one dated before the person's current colour began (it would be a change dated before the
 * state it changes). A back-dated confirmation never brings a green closer: the discharge that
 * starts the monitoring is dated when an officer records it.
 */
export async function registerCase(
  db: Db,
  input: CaseInput,
  options: RegisterOptions,
): Promise<{ case: Case; person: Person | null }> {
  if ((input.personId ? 1 : 0) + (input.phone ? 1 : 0) !== 1) {
    throw subjectError(
      'body.personId',
      'give exactly one of personId and phone',
      '须且只能给出 personId 与 phone 之一',
    );
  }
  if (input.from != null && input.to != null && input.from > input.to) {
    throw subjectError('body.to', 'the window ends before it starts', '时间窗的结束早于开始');
  }
  const admit = { now: options.now ?? Math.floor(Date.now() / 1000), field: 'body.confirmedAt' };
  admitInstant('confirmed_case', input.confirmedAt, admit);
  let person: Person | null = null;
  let subject: string;
  if (input.personId) {
    person = (await personById(db, input.personId)) ?? null;
    if (!person || (options.within && !options.within(person))) throw new RenxingError('RX_NOT_FOUND');
    if (!person.phonePseudonym) {
      throw subjectError('body.personId', 'the person has no phone number on record', '此人没有登记手机号');
    }
    subject = person.phonePseudonym;
  } else {
    const pseudonym = phonePseudonym(options.secret, input.phone!);
    if (!pseudonym) throw subjectError('body.phone', 'not a phone number', '不是手机号');
    subject = pseudonym;
    person = (await personByPseudonym(db, pseudonym)) ?? null;
  }
  const at = (s: number | null | undefined) => (s == null ? null : new Date(s * 1000));
  return db.transaction(async (tx) => {
    let created: Case;
    try {
      created = await insertCase(tx, {
        label: input.label ?? null,
        personId: person?.id ?? null,
        subjectPseudonym: subject,
        confirmedAt: new Date(input.confirmedAt * 1000),
        windowFrom: at(input.from),
        windowTo: at(input.to),
        preset: options.preset,
        placeId: person?.homePlaceId ?? null,
        createdBy: options.actorId.startsWith('system:') ? null : options.actorId,
      });
    } catch (e) {
      if (sqlState(e) === '23505')
        throw new FieldError('RX_LABEL_TAKEN', 'body.label', { label: input.label ?? '' });
      throw e;
    }
    if (person) {
      await applyHealthCodeEvent(
        tx,
        person.id,
        { kind: 'confirmed_case', at: input.confirmedAt },
        { preset: options.preset, caseId: created.id, admit },
      );
    }
    await appendAudit(tx, {
      actor: options.actorId,
      action: 'case.create',
      subjectType: 'case',
      subjectId: created.id,
      reason: 'confirmed case registered',
      detail: {
        label: created.label,
        personId: person?.id ?? null,
        byPhone: options.byPhone ?? !input.personId,
      },
    });
    return { case: created, person };
  });
}
