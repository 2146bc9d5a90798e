import { forEachDatabase } from '@renxing/db/testing';
import { insertPlaces } from '@renxing/modules/places';
import { expect, it } from 'vitest';
import { insertSession, insertUser, revokeSession, sessionUser, userCredentials } from './users.js';

const HASH = 'a'.repeat(64);

forEachDatabase(
  'users and sessions',
  (t) => {
    async function seed() {
      await insertPlaces(t.db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
      ]);
      return insertUser(t.db, {
        username: 'officer',
        passwordHash: '$argon2id$x',
        role: 'district_officer',
        placePath: 'cq.yz',
      });
    }

    it('inserts a user scoped to a place and reads the credentials back', async () => {
      const user = await seed();
      expect(user).toMatchObject({
        username: 'officer',
        role: 'district_officer',
        placePath: 'cq.yz',
        disabled: false,
      });
      const creds = await userCredentials(t.db, 'officer');
      expect(creds?.user).toEqual(user);
      expect(creds?.passwordHash).toBe('$argon2id$x');
      expect(await userCredentials(t.db, 'nobody')).toBeUndefined();
    });

    it('refuses an unknown place and a staff user without one', async () => {
      await seed();
      await expect(
        insertUser(t.db, { username: 'x1', passwordHash: 'h', role: 'street_officer', placePath: 'cq.nope' }),
      ).rejects.toThrow(/no place/);
      await expect(
        insertUser(t.db, { username: 'x2', passwordHash: 'h', role: 'street_officer' }),
      ).rejects.toThrow();
    });

    it('a session is live until it expires, is revoked or its user is disabled', async () => {
      const user = await seed();
      await insertSession(t.db, {
        tokenHash: HASH,
        userId: user.id,
        expiresAt: new Date(Date.now() + 60_000),
      });
      expect((await sessionUser(t.db, HASH))?.id).toBe(user.id);
      expect(await sessionUser(t.db, 'b'.repeat(64))).toBeUndefined();
      await t.db.query('UPDATE users SET disabled_at = now()');
      expect(await sessionUser(t.db, HASH)).toBeUndefined();
      await t.db.query('UPDATE users SET disabled_at = NULL');
      expect(await revokeSession(t.db, HASH)).toBe(true);
      expect(await revokeSession(t.db, HASH)).toBe(false);
      expect(await sessionUser(t.db, HASH)).toBeUndefined();
      const expired = 'c'.repeat(64);
      await t.db.query(
        `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, now() - interval '2 hours', now() - interval '1 hour')`,
        [expired, user.id],
      );
      expect(await sessionUser(t.db, expired)).toBeUndefined();
    });
  },
  { migrate: true },
);
