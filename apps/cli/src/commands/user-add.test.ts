import { Readable } from 'node:stream';
import { RenxingError } from '@renxing/contracts';
import { forEachDatabase } from '@renxing/db/testing';
import { userCredentials } from '@renxing/modules/access';
import { auditTrail } from '@renxing/modules/audit';
import { createDepartment } from '@renxing/modules/inbox';
import { insertPlaces } from '@renxing/modules/places';
import { describe, expect, it } from 'vitest';
// The API is another app: its test-facing entry point, to prove the CLI's user can sign in.
import { buildApp } from '../../../api/src/app.js';
import { firstLine, userAddCommand } from './user-add.js';

const SECRET = 'test-secret-test-secret-test-secret-0123';

function stdin(text: string): Readable {
  return Readable.from([Buffer.from(text)]);
}

function sink() {
  let text = '';
  return {
    write: (s: string) => (text += s),
    get text() {
      return text;
    },
  };
}

/** Runs the command the way main.ts does: a RenxingError is exit 2 (status < 500) with its message. */
async function run(fn: () => Promise<number>): Promise<{ code: number; message: string }> {
  try {
    return { code: await fn(), message: '' };
  } catch (e) {
    if (!(e instanceof RenxingError)) throw e;
    return { code: e.status >= 500 ? 1 : 2, message: e.localized('en') };
  }
}

describe('firstLine', () => {
  it('reads up to the first line ending, across chunks', async () => {
    expect(await firstLine(Readable.from(['pass', 'word\r\nrest']))).toBe('password');
    expect(await firstLine(Readable.from(['no newline']))).toBe('no newline');
    expect(await firstLine(Readable.from([]))).toBe('');
  });
});

forEachDatabase(
  'cli user add',
  (t) => {
    async function seed() {
      await insertPlaces(t.db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
      ]);
    }

    it('creates a user who can sign in through the API, audited', async () => {
      await seed();
      const out = sink();
      const code = await userAddCommand(
        { username: 'worker1', role: 'community_worker', place: 'cq.yz' },
        'en',
        { db: t.db, stdin: stdin('long enough pw\nignored\n'), stdout: out },
      );
      expect(code).toBe(0);
      expect(out.text).toMatch(/created user worker1 \(role community_worker, place cq\.yz/);
      const creds = await userCredentials(t.db, 'worker1');
      expect(creds?.user).toMatchObject({ role: 'community_worker', placePath: 'cq.yz' });
      expect(creds?.passwordHash).toMatch(/^\$argon2id\$/);
      const trail = await auditTrail(t.db, { type: 'user', id: creds!.user.id });
      expect(trail[0]).toMatchObject({ actor: 'system:cli', action: 'user.create' });

      const app = await buildApp({ db: t.db, secret: SECRET });
      try {
        const ok = await app.inject({
          method: 'POST',
          url: '/api/login',
          payload: { username: 'worker1', password: 'long enough pw' },
        });
        expect(ok.statusCode).toBe(200);
        expect(ok.json().user).toMatchObject({ username: 'worker1', role: 'community_worker' });
        const bad = await app.inject({
          method: 'POST',
          url: '/api/login',
          payload: { username: 'worker1', password: 'ignored' },
        });
        expect(bad.statusCode).toBe(401);
      } finally {
        await app.close();
      }
    });

    it('refuses a short or empty password, an unknown role or place, a taken name: exit 2', async () => {
      await seed();
      const flags = { username: 'u1', role: 'street_officer', place: 'cq.yz' };
      const cases: [Record<string, string>, string, RegExp][] = [
        [flags, 'short7!\n', /RX_BAD_PASSWORD: .*shorter than 8/],
        [flags, '\nsecond line is not read\n', /RX_BAD_PASSWORD: password refused: no password on stdin/],
        [flags, '', /RX_BAD_PASSWORD/],
        [
          { ...flags, role: 'mayor' },
          'long enough pw\n',
          /RX_UNKNOWN_ROLE: unknown role "mayor"; one of: city_admin, .*resident/,
        ],
        [
          { ...flags, place: 'cq.nowhere' },
          'long enough pw\n',
          /RX_UNKNOWN_PLACE: no place at "cq\.nowhere"/,
        ],
        [{ ...flags, place: 'Not A Path' }, 'long enough pw\n', /RX_UNKNOWN_PLACE/],
        [{ role: 'auditor', place: 'cq' }, 'long enough pw\n', /RX_MISSING_FLAG: missing option --username/],
        [{ ...flags, username: 'bad name' }, 'long enough pw\n', /RX_BAD_FLAG: bad option --username/],
        [{ username: 'u1', role: 'auditor' }, 'long enough pw\n', /RX_MISSING_FLAG: missing option --place/],
      ];
      for (const [f, input, message] of cases) {
        const r = await run(() => userAddCommand(f, 'en', { db: t.db, stdin: stdin(input), stdout: sink() }));
        expect(r.code, JSON.stringify(f)).toBe(2);
        expect(r.message).toMatch(message);
      }
      expect(await userCredentials(t.db, 'u1')).toBeUndefined();

      const pw = () => stdin('long enough pw\n');
      expect(await userAddCommand(flags, 'en', { db: t.db, stdin: pw(), stdout: sink() })).toBe(0);
      const again = await run(() => userAddCommand(flags, 'en', { db: t.db, stdin: pw(), stdout: sink() }));
      expect(again).toEqual({ code: 2, message: 'RX_USER_EXISTS: user "u1" already exists' });
    });

    it('speaks Chinese, and links a resident to a person instead of a place', async () => {
      await seed();
      const r = await run(() =>
        userAddCommand({ username: 'xx', role: 'auditor', place: 'cq' }, 'zh-CN', {
          db: t.db,
          stdin: stdin('短\n'),
          stdout: sink(),
        }),
      );
      expect(r.code).toBe(2);
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO people (name, import_key) VALUES ('张三', 'test-1') RETURNING id`,
      );
      const person = rows[0].id;
      const pw = () => stdin('长长长长长长长长\n');
      const refused: [Record<string, string>, RegExp][] = [
        [{ username: 'rr', role: 'resident' }, /RX_MISSING_FLAG: missing option --person/],
        [{ username: 'rr', role: 'resident', person: 'nope' }, /RX_UNKNOWN_PERSON/],
        [
          { username: 'rr', role: 'resident', person: '00000000-0000-4000-8000-000000000000' },
          /RX_UNKNOWN_PERSON/,
        ],
        [{ username: 'rr', role: 'auditor', place: 'cq', person }, /RX_FLAG_CONFLICT: option --person/],
      ];
      for (const [f, message] of refused) {
        const res = await run(() => userAddCommand(f, 'en', { db: t.db, stdin: pw(), stdout: sink() }));
        expect(res.code).toBe(2);
        expect(res.message).toMatch(message);
      }
      const out = sink();
      const flags = { username: 'resident1', role: 'resident', person };
      expect(await userAddCommand(flags, 'zh-CN', { db: t.db, stdin: pw(), stdout: out })).toBe(0);
      expect(out.text).toMatch(/^已创建用户 resident1（角色 resident，地点 -/);
      expect((await userCredentials(t.db, 'resident1'))?.user.personId).toBe(person);
      // One account per person.
      const twice = await run(() =>
        userAddCommand({ ...flags, username: 'resident2' }, 'en', { db: t.db, stdin: pw(), stdout: sink() }),
      );
      expect(twice.message).toMatch(/RX_UNKNOWN_PERSON/);
    });

    it('links a department officer to the department --department names; refuses it missing, unknown or on another role', async () => {
      await seed();
      const pw = () => stdin('long enough pw\n');
      const flags = { username: 'dept1', role: 'department_officer', place: 'cq' };
      const attempt = (f: Record<string, string>, locale: 'en' | 'zh-CN' = 'en') =>
        run(() => userAddCommand(f, locale, { db: t.db, stdin: pw(), stdout: sink() }));
      // Before any department exists, the message says so.
      expect(await attempt({ ...flags, department: 'wsjkw' })).toEqual({
        code: 2,
        message:
          'RX_BAD_FLAG: bad option --department: no department "wsjkw"; none exists yet (a city admin creates them in the console)',
      });
      const actor = { userId: 'system:test', scope: 'cq', department: null, now: new Date() };
      await createDepartment(t.db, { code: 'wsjkw', name: '市卫生健康委员会' }, actor);
      await createDepartment(t.db, { code: 'mzj', name: '市民政局' }, actor);
      const refused: [Record<string, string>, string][] = [
        [flags, 'RX_MISSING_FLAG: missing option --department'],
        [
          { ...flags, department: 'gaj' },
          'RX_BAD_FLAG: bad option --department: no department "gaj"; one of: mzj, wsjkw',
        ],
        [
          { ...flags, role: 'community_worker', department: 'wsjkw' },
          'RX_FLAG_CONFLICT: option --department cannot be used here: only a department_officer acts for a department',
        ],
      ];
      for (const [f, message] of refused) expect(await attempt(f)).toEqual({ code: 2, message });
      const zh = await run(() =>
        userAddCommand({ ...flags, department: 'gaj' }, 'zh-CN', { db: t.db, stdin: pw(), stdout: sink() }),
      );
      expect(zh.code).toBe(2);
      expect(await userCredentials(t.db, 'dept1')).toBeUndefined();

      const out = sink();
      const code = await userAddCommand({ ...flags, department: 'wsjkw' }, 'en', {
        db: t.db,
        stdin: pw(),
        stdout: out,
      });
      expect(code).toBe(0);
      expect(out.text).toMatch(
        /created user dept1 \(role department_officer for department wsjkw, place cq,/,
      );
      const creds = await userCredentials(t.db, 'dept1');
      expect(creds?.user.role).toBe('department_officer');
      const { rows } = await t.db.query<{ code: string }>(
        'SELECT d.code FROM department_officers o JOIN departments d ON d.id = o.department_id WHERE o.user_id = $1',
        [creds!.user.id],
      );
      expect(rows).toEqual([{ code: 'wsjkw' }]);
      const trail = await auditTrail(t.db, { type: 'user', id: creds!.user.id });
      expect(trail[0].detail).toMatchObject({ role: 'department_officer', department: 'wsjkw' });
    });
  },
  { migrate: true },
);
