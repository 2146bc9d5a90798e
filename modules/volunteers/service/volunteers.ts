/**
 * Registering volunteers (by a resident for themself, by a community worker or an organisation's
 * staff for someone, or posting an official down), verifying them, and their availability windows
 * — each change one transaction with its audit row.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import { type Db, sqlState } from '@renxing/db';
import { createUser, userById, userCredentials } from '@renxing/modules/access';
import { appendAudit } from '@renxing/modules/audit';
import { personById } from '@renxing/modules/people';
import { isPlacePath, isWithin } from '@renxing/modules/places';
import '../errors.js';
import { maskPhone, normalisePhone } from '../rules/phone.js';
import { DEFAULT_CAPACITY, MAX_CAPACITY, MAX_NAME, parseSkills } from '../rules/skills.js';
import { type AvailabilityWindow, MAX_WINDOWS, normaliseWindows, windowProblem } from '../rules/windows.js';
import { organisationById } from '../store/organisations.js';
import { placeCentres } from '../store/places.js';
import {
  addWindows,
  insertVolunteer,
  replaceWindows,
  setVerified,
  type Volunteer,
  volunteerById,
} from '../store/volunteers.js';
import { auditActor, type VolunteerActor } from './actor.js';

export interface RegisterInput {
  /** Skills of the vocabulary (codes or their Chinese words). */
  skills: readonly string[];
  /** Required from staff; a resident is registered under their record's name. */
  name?: string;
  /** Required from staff; a resident's defaults to their record's phone. */
  phone?: string;
  /** The community (or grid) they volunteer in, within the caller's place: required from staff. */
  community?: string;
  /** Home location; default the community's centre. Both or neither. */
  lon?: number | null;
  lat?: number | null;
  /** Tasks a day (default 2). */
  capacity?: number;
  organisationId?: string | null;
  /** An official posted down (下沉干部) to `community`: the organisation must be their unit. */
  posted?: boolean;
  /** The registry person this volunteer is (within the caller's place). */
  personId?: string | null;
  windows?: readonly AvailabilityWindow[];
  /** The volunteer's account: a new one (role volunteer) or an existing volunteer account. */
  account?: { username: string; password: string } | { userId: string } | null;
}

/** Who registers: staff acting within their place, or a resident for themself. */
export type Registrar =
  | { kind: 'staff'; actor: VolunteerActor }
  | { kind: 'self'; userId: string; personId: string; now: Date };

const exists = () =>
  new RenxingError('RX_VOLUNTEER_EXISTS', {
    detail: {
      en: 'this phone, person or account is registered already',
      'zh-CN': '该电话号码、人员或账号已登记',
    },
  });

/** Availability windows checked (field `body.windows.N`), merged and sorted. */
export function checkedWindows(
  windows: readonly AvailabilityWindow[],
  field = 'body.windows',
): AvailabilityWindow[] {
  if (windows.length > MAX_WINDOWS) throw invalid(field, `at most ${MAX_WINDOWS} windows`);
  windows.forEach((w, i) => {
    const problem = windowProblem(w);
    if (problem) throw invalid(`${field}.${i}`, problem);
  });
  return normaliseWindows(windows);
}

/**
 * Registers a volunteer (unverified). Staff register anyone of a community within their place,
 * optionally creating their account (role volunteer) or linking an existing volunteer account; a
 * resident registers themself: their record's name, home community and phone (unless given), their
 * own account. One phone, person or account is one volunteer (RX_VOLUNTEER_EXISTS). Audited as
 * `volunteer.register`.
 */
export async function registerVolunteer(db: Db, input: RegisterInput, by: Registrar): Promise<Volunteer> {
  const now = by.kind === 'staff' ? by.actor.now : by.now;
  const userId = by.kind === 'staff' ? by.actor.userId : by.userId;
  const { skills, unknown } = parseSkills(input.skills);
  if (unknown.length > 0) throw invalid('body.skills', `not in the vocabulary: ${unknown.join(', ')}`);
  if (skills.length === 0) throw invalid('body.skills', 'at least one skill');

  let name = input.name?.trim() ?? '';
  let rawPhone = input.phone ?? '';
  let community = input.community ?? '';
  let personId: string | null = input.personId ?? null;
  let scope: string | null;
  if (by.kind === 'self') {
    const person = await personById(db, by.personId);
    if (!person) throw new RenxingError('RX_NOT_FOUND');
    if (!person.homePlacePath) throw new RenxingError('RX_VOLUNTEER_NO_HOME');
    name = person.name;
    rawPhone = input.phone ?? person.phone ?? '';
    community = person.homePlacePath;
    personId = person.id;
    scope = person.homePlacePath;
    if (input.posted) throw invalid('body.posted', 'only staff post officials down');
    if (input.account || input.personId || input.community)
      throw invalid('body', 'a resident registers themself: no account, person or community');
  } else {
    scope = by.actor.scope;
    if (name === '' || name.length > MAX_NAME)
      throw invalid('body.name', `a name of 1 to ${MAX_NAME} characters`);
    if (!community) throw invalid('body.community', 'the community they volunteer in');
  }
  const phone = normalisePhone(rawPhone);
  if (!phone) throw invalid('body.phone', rawPhone ? 'not a phone number' : 'a phone number');
  if (!isPlacePath(community))
    throw new RenxingError('RX_UNKNOWN_PLACE', { place: community }, 'body.community');
  // A place outside the caller's reads as not found.
  if (by.kind === 'staff' && scope && !isWithin(community, scope)) throw new RenxingError('RX_NOT_FOUND');
  const place = (await placeCentres(db, [community])).get(community);
  if (!place) throw new RenxingError('RX_UNKNOWN_PLACE', { place: community }, 'body.community');
  const given = input.lon != null || input.lat != null;
  if (given && (input.lon == null || input.lat == null))
    throw invalid('body.lat', 'give lon and lat together');
  const lon = given ? input.lon! : place.lon;
  const lat = given ? input.lat! : place.lat;
  if (lon === null || lat === null)
    throw invalid('body.lon', 'the community has no centre: give lon and lat');
  const capacity = input.capacity ?? DEFAULT_CAPACITY;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)
    throw invalid('body.capacity', `a whole number from 1 to ${MAX_CAPACITY}`);
  const windows = checkedWindows(input.windows ?? []);

  const organisation = input.organisationId
    ? await organisationById(db, input.organisationId, { scope: by.kind === 'self' ? community : scope })
    : undefined;
  if (input.organisationId && !organisation) throw invalid('body.organisationId', 'no such organisation');
  const posted = input.posted === true;
  if (posted && organisation?.kind !== 'unit')
    throw new RenxingError('RX_POSTED_NEEDS_UNIT', {}, 'body.organisationId');

  if (by.kind === 'staff' && personId) {
    const person = await personById(db, personId);
    if (!person || (scope && !(person.homePlacePath && isWithin(person.homePlacePath, scope))))
      throw invalid('body.personId', 'no such person within your place');
  }

  const account = by.kind === 'staff' ? input.account : null;
  if (account && 'password' in account && account.password.length < 8)
    throw invalid('body.account.password', 'at least 8 characters');
  if (account && 'userId' in account) {
    const user = await userById(db, account.userId);
    if (user?.role !== 'volunteer' || !user.placePath || (scope && !isWithin(user.placePath, scope)))
      throw new RenxingError(
        'RX_VOLUNTEER_ACCOUNT_TAKEN',
        {
          account: account.userId,
          detail: { en: 'not a volunteer account within your place', 'zh-CN': '不是您辖区内的志愿者账号' },
        },
        'body.account.userId',
      );
  }

  try {
    return await db.transaction(async (tx) => {
      let accountId: string | null = by.kind === 'self' ? by.userId : null;
      if (account && 'userId' in account) accountId = account.userId;
      if (account && 'username' in account) {
        if (await userCredentials(tx, account.username))
          throw new RenxingError(
            'RX_VOLUNTEER_ACCOUNT_TAKEN',
            { account: account.username, detail: { en: 'the username is taken', 'zh-CN': '用户名已被占用' } },
            'body.account.username',
          );
        const user = await createUser(tx, {
          username: account.username,
          password: account.password,
          role: 'volunteer',
          placePath: community,
          displayName: name,
          unit: organisation?.name ?? null,
        });
        accountId = user.id;
      }
      const id = await insertVolunteer(
        tx,
        {
          personId,
          name,
          phone,
          skills,
          lon,
          lat,
          placeId: place.id,
          capacity,
          organisationId: organisation?.id ?? null,
          posted,
          userId: accountId,
        },
        { by: userId, at: now },
      );
      await addWindows(tx, id, windows);
      await appendAudit(tx, {
        actor: auditActor({ userId }),
        action: 'volunteer.register',
        subjectType: 'volunteer',
        subjectId: id,
        detail: {
          by: by.kind,
          name,
          phone: maskPhone(phone),
          skills,
          community,
          capacity,
          organisation: organisation?.name ?? null,
          posted,
          personId,
          account: accountId,
          accountCreated: Boolean(account && 'username' in account),
          windows: windows.length,
        },
      });
      return (await volunteerById(tx, id))!;
    });
  } catch (e) {
    if (sqlState(e) === '23505') throw exists();
    throw e;
  }
}

/**
 * Verifies a volunteer of a community within the caller's place (a community worker, or an
 * organisation's staff at the place): only verified volunteers are matched. Verifying again
 * changes nothing. Audited as `volunteer.verify`.
 */
export async function verifyVolunteer(
  db: Db,
  id: string,
  actor: VolunteerActor,
): Promise<{ volunteer: Volunteer; changed: boolean }> {
  const current = await volunteerById(db, id, { scope: actor.scope });
  if (!current) throw new RenxingError('RX_NOT_FOUND');
  return db.transaction(async (tx) => {
    await volunteerById(tx, id, { lock: true });
    const changed = await setVerified(tx, id, actor.userId, actor.now);
    if (changed)
      await appendAudit(tx, {
        actor: auditActor(actor),
        action: 'volunteer.verify',
        subjectType: 'volunteer',
        subjectId: id,
        detail: { name: current.name, community: current.community },
      });
    return { volunteer: (await volunteerById(tx, id))!, changed };
  });
}

/**
 * Replaces a volunteer's availability windows (merged where they overlap). Staff act on volunteers
 * within their place; `self` is the volunteer's own account (no scope). Audited as
 * `volunteer.windows`.
 */
export async function setVolunteerWindows(
  db: Db,
  id: string,
  windows: readonly AvailabilityWindow[],
  actor: VolunteerActor,
): Promise<Volunteer> {
  const current = await volunteerById(db, id, { scope: actor.scope });
  if (!current) throw new RenxingError('RX_NOT_FOUND');
  const next = checkedWindows(windows);
  return db.transaction(async (tx) => {
    await volunteerById(tx, id, { lock: true });
    await replaceWindows(tx, id, next);
    await appendAudit(tx, {
      actor: auditActor(actor),
      action: 'volunteer.windows',
      subjectType: 'volunteer',
      subjectId: id,
      detail: {
        from: current.windows.map((w) => [w.from.toISOString(), w.to.toISOString()]),
        to: next.map((w) => [w.from.toISOString(), w.to.toISOString()]),
      },
    });
    return (await volunteerById(tx, id))!;
  });
}
