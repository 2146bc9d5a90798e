/**
 * `renxing user add --username U --role R --place PATH`: creates a user, the password read from
 * the first line of stdin (never from the command line, where `ps` and shell history would see it).
 * A department officer names the department they act for (`--department CODE`), linked in the
 * same transaction as the user and its audit row.
 */
import os from 'node:os';
import { fill, type Locale, RenxingError } from '@renxing/contracts';
import { type Db, migrate, openDatabase, sqlState } from '@renxing/db';
import {
  hashPassword,
  insertUser,
  PASSWORD_MIN_LENGTH,
  USER_ROLES,
  type UserRole,
} from '@renxing/modules/access';
import { appendAudit } from '@renxing/modules/audit';
import { listDepartments, setDepartmentOfficer } from '@renxing/modules/inbox';
import { isPlacePath, placeByPath } from '@renxing/modules/places';
import { type Flags, requireFlag } from '../args.js';
import type { Command } from '../command.js';
import { flagsOf } from '../flags.js';

export interface UserAddIo {
  /** The database to use (default: `openDatabase()`, migrated, closed afterwards). */
  db?: Db;
  /** Where the password comes from (default: process.stdin). */
  stdin?: AsyncIterable<string | Uint8Array>;
  stdout?: { write(text: string): unknown };
}

const TEXT = {
  created: {
    en: 'created user {username} (role {role}, place {place}, id {id})\n',
    'zh-CN': '已创建用户 {username}（角色 {role}，地点 {place}，编号 {id}）\n',
  },
  createdOfficer: {
    en: 'created user {username} (role {role} for department {department}, place {place}, id {id})\n',
    'zh-CN': '已创建用户 {username}（角色 {role}，代表部门 {department}，地点 {place}，编号 {id}）\n',
  },
  personOnly: { en: 'only a resident is linked to a person', 'zh-CN': '只有居民账号关联人员' },
  departmentOnly: {
    en: 'only a department_officer acts for a department',
    'zh-CN': '只有部门工作人员（department_officer）代表部门',
  },
  noDepartment: {
    en: 'no department "{code}"; one of: {codes}',
    'zh-CN': '不存在部门“{code}”；可选：{codes}',
  },
  noDepartments: {
    en: 'no department "{code}"; none exists yet (a city admin creates them in the console)',
    'zh-CN': '不存在部门“{code}”；尚未创建任何部门（由市级管理员在控制台创建）',
  },
  empty: { en: 'no password on stdin', 'zh-CN': '标准输入中没有密码' },
  short: {
    en: 'shorter than {n} characters',
    'zh-CN': '少于 {n} 个字符',
  },
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As the users table checks it (0003_access.sql). */
const USERNAME = /^[a-z0-9][a-z0-9._@+-]{1,63}$/;

function osUser(): string | null {
  try {
    return os.userInfo().username;
  } catch {
    return null;
  }
}

/** The first line of a stream (without its line ending), reading no further than needed. */
export async function firstLine(input: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const nl = text.indexOf('\n');
    if (nl >= 0) return text.slice(0, nl).replace(/\r$/, '');
    if (text.length > 4096) break;
  }
  return text.replace(/\r$/, '');
}

export async function userAddCommand(flags: Flags, locale: Locale, io: UserAddIo = {}): Promise<number> {
  const username = requireFlag(flags, 'username');
  if (!USERNAME.test(username))
    throw new RenxingError('RX_BAD_FLAG', {
      flag: '--username',
      detail:
        locale === 'zh-CN'
          ? '2 至 64 个小写字母、数字或 . _ @ + -，以字母或数字开头'
          : '2 to 64 lower-case letters, digits or . _ @ + -, starting with a letter or digit',
    });
  const role = requireFlag(flags, 'role');
  if (!(USER_ROLES as readonly string[]).includes(role))
    throw new RenxingError('RX_UNKNOWN_ROLE', { role, roles: USER_ROLES.join(', ') });
  // Every role is scoped to a place except a resident, who is a person and sees only themself.
  const resident = role === 'resident';
  const place = resident && flags.place === undefined ? null : requireFlag(flags, 'place');
  if (place !== null && !isPlacePath(place)) throw new RenxingError('RX_UNKNOWN_PLACE', { place });
  const person = resident ? requireFlag(flags, 'person') : null;
  if (!resident && flags.person !== undefined)
    throw new RenxingError('RX_FLAG_CONFLICT', { flag: '--person', detail: TEXT.personOnly[locale] });
  if (person !== null && !UUID.test(person)) throw new RenxingError('RX_UNKNOWN_PERSON', { person });
  // A department officer acts for one department, which they must name.
  const officer = role === 'department_officer';
  const department = officer ? requireFlag(flags, 'department') : null;
  if (!officer && flags.department !== undefined)
    throw new RenxingError('RX_FLAG_CONFLICT', { flag: '--department', detail: TEXT.departmentOnly[locale] });

  const password = await firstLine(io.stdin ?? process.stdin);
  if (password.length === 0) throw new RenxingError('RX_BAD_PASSWORD', { detail: TEXT.empty[locale] });
  if ([...password].length < PASSWORD_MIN_LENGTH)
    throw new RenxingError('RX_BAD_PASSWORD', {
      detail: fill(TEXT.short[locale], { n: PASSWORD_MIN_LENGTH }),
    });

  const db = io.db ?? (await openDatabase({}, process.env));
  try {
    if (!io.db) await migrate(db);
    if (place !== null && !(await placeByPath(db, place)))
      throw new RenxingError('RX_UNKNOWN_PLACE', { place });
    if (person !== null) {
      const { rows } = await db.query(
        'SELECT 1 FROM people p WHERE p.id = $1 AND NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id)',
        [person],
      );
      if (rows.length === 0) throw new RenxingError('RX_UNKNOWN_PERSON', { person });
    }
    if (department !== null) {
      const codes = (await listDepartments(db)).map((d) => d.code);
      if (!codes.includes(department))
        throw new RenxingError('RX_BAD_FLAG', {
          flag: '--department',
          detail: fill(TEXT[codes.length > 0 ? 'noDepartment' : 'noDepartments'][locale], {
            code: department,
            codes: codes.join(', '),
          }),
        });
    }
    const passwordHash = await hashPassword(password);
    let user: Awaited<ReturnType<typeof insertUser>>;
    try {
      // The user and the audit row that records who created it commit together.
      user = await db.transaction(async (tx) => {
        const created = await insertUser(tx, {
          username,
          passwordHash,
          role: role as UserRole,
          placePath: place,
          personId: person,
        });
        if (department !== null && !(await setDepartmentOfficer(tx, created.id, department)))
          throw new RenxingError('RX_BAD_FLAG', {
            flag: '--department',
            detail: fill(TEXT.noDepartments[locale], { code: department }),
          });
        await appendAudit(tx, {
          actor: 'system:cli',
          action: 'user.create',
          subjectType: 'user',
          subjectId: created.id,
          reason: 'renxing user add',
          detail: { username, role, place, person, department, os_user: osUser() },
        });
        return created;
      });
    } catch (e) {
      if (sqlState(e) === '23505') throw new RenxingError('RX_USER_EXISTS', { username });
      throw e;
    }
    (io.stdout ?? process.stdout).write(
      fill(TEXT[department ? 'createdOfficer' : 'created'][locale], {
        username,
        role,
        place: place ?? '-',
        id: user.id,
        department: department ?? '',
      }),
    );
    return 0;
  } finally {
    if (!io.db) await db.close();
  }
}

/** The command as main.ts runs it and the help describes it. */
export const command: Command = {
  words: ['user', 'add'],
  usage: {
    en: `renxing user add --username U --role R --place PATH   < password on stdin (first line, ≥ 8 chars)
renxing user add --username U --role department_officer --department CODE --place PATH
renxing user add --username U --role resident --person UUID`,
    'zh-CN': `renxing user add --username U --role R --place PATH   ‹ 密码从标准输入读取（第一行，至少 8 个字符）
renxing user add --username U --role department_officer --department CODE --place PATH
renxing user add --username U --role resident --person UUID`,
  },
  flags: flagsOf('username', 'role', 'place', 'department', 'person'),
  run: (flags, locale) => userAddCommand(flags, locale),
};
