import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { userById } from '@renxing/modules/access';
import { expect, it } from 'vitest';
import { listOrganisations } from '../store/organisations.js';
import { listVolunteers } from '../store/volunteers.js';
import { actor, NOW, SQ1, SQ2, SQ9, volunteersCity } from '../test-support.js';
import { addVolunteerHours, recordHours } from './hours.js';
import { revealPhone, verifiedVolunteersFor, volunteerById, volunteerOfUser } from './lookup.js';
import { createOrganisation } from './organisations.js';
import { type RegisterInput, registerVolunteer, setVolunteerWindows, verifyVolunteer } from './volunteers.js';

const h = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const audit = async (db: Db, action: string) =>
  (
    await db.query<{ actor: string; subject_id: string; detail: Record<string, unknown> }>(
      'SELECT actor, subject_id, detail FROM audit_log WHERE action = $1 ORDER BY seq',
      [action],
    )
  ).rows;
const staff = (userId: string, scope: string) => ({ kind: 'staff' as const, actor: actor(userId, scope) });
const someone = (o: Partial<RegisterInput> = {}): RegisterInput => ({
  name: '刘洋',
  phone: '139 0000 0001',
  skills: ['transport', '送药'],
  community: SQ1,
  ...o,
});

forEachDatabase(
  'volunteers service',
  (t) => {
    it('staff register someone with a new account: unverified, phone masked, location at the community, audited', async () => {
      const city = await volunteersCity(t.db);
      const v = await registerVolunteer(
        t.db,
        someone({
          account: { username: 'liuyang', password: 'a-long-password' },
          windows: [
            { from: h(2), to: h(4) },
            { from: h(1), to: h(3) },
          ],
        }),
        staff(city.users.worker1, SQ1),
      );
      expect(v).toMatchObject({
        name: '刘洋',
        phoneMasked: '139****0001',
        skills: ['medicine_delivery', 'transport'],
        community: SQ1,
        communityName: '较场口社区',
        lon: 106.574,
        lat: 29.552,
        capacity: 2,
        state: 'unverified',
        posted: false,
        organisation: null,
      });
      expect(v.windows).toEqual([{ from: h(1), to: h(4) }]);
      const user = await userById(t.db, v.userId!);
      expect(user).toMatchObject({ username: 'liuyang', role: 'volunteer', placePath: SQ1 });
      expect((await volunteerOfUser(t.db, user!.id))?.id).toBe(v.id);
      expect(await revealPhone(t.db, v.id)).toBe('13900000001');
      const rows = await audit(t.db, 'volunteer.register');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor: city.users.worker1, subject_id: v.id });
      expect(JSON.stringify(rows[0].detail)).not.toContain('13900000001');
    });

    it('refuses a community outside the caller, a repeated phone, and leaves nothing behind', async () => {
      const city = await volunteersCity(t.db);
      await expect(
        registerVolunteer(t.db, someone({ community: SQ2 }), staff(city.users.worker1, SQ1)),
      ).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      await expect(
        registerVolunteer(t.db, someone({ community: `${SQ1}.nowhere` }), staff(city.users.worker1, SQ1)),
      ).rejects.toMatchObject({ code: 'RX_UNKNOWN_PLACE', field: 'body.community' });
      await registerVolunteer(t.db, someone(), staff(city.users.worker1, SQ1));
      await expect(
        registerVolunteer(
          t.db,
          someone({
            name: '别人',
            phone: '+86 13900000001',
            account: { username: 'other', password: 'a-long-password' },
          }),
          staff(city.users.street1, 'cq.yz.jd01'),
        ),
      ).rejects.toMatchObject({ code: 'RX_VOLUNTEER_EXISTS' });
      const users = await t.db.query("SELECT 1 FROM users WHERE username = 'other'");
      expect(users.rows).toHaveLength(0);
      expect((await listVolunteers(t.db, { scope: null })).total).toBe(1);
      await expect(
        registerVolunteer(
          t.db,
          someone({ phone: '13900000002', skills: ['juggling'] }),
          staff(city.users.worker1, SQ1),
        ),
      ).rejects.toMatchObject({
        code: 'RX_VALIDATION',
        field: 'body.skills',
      });
    });

    it('a resident registers themself from their record, with their own account, once', async () => {
      const city = await volunteersCity(t.db);
      const self = {
        kind: 'self' as const,
        userId: city.users.resident,
        personId: city.people.张伟,
        now: NOW,
      };
      const v = await registerVolunteer(t.db, { skills: ['food_delivery'], capacity: 3 }, self);
      expect(v).toMatchObject({
        name: '张伟',
        phoneMasked: '138****0001',
        community: SQ1,
        personId: city.people.张伟,
        userId: city.users.resident,
        capacity: 3,
      });
      expect((await volunteerOfUser(t.db, city.users.resident))?.id).toBe(v.id);
      await expect(registerVolunteer(t.db, { skills: ['transport'] }, self)).rejects.toMatchObject({
        code: 'RX_VOLUNTEER_EXISTS',
      });
      await expect(
        registerVolunteer(
          t.db,
          { skills: ['transport'], posted: true },
          { ...self, personId: city.people.王芳 },
        ),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.posted' });
    });

    it('links an existing volunteer account within the caller, and no other', async () => {
      const city = await volunteersCity(t.db);
      await expect(
        registerVolunteer(
          t.db,
          someone({ account: { userId: city.users.worker1 } }),
          staff(city.users.worker1, SQ1),
        ),
      ).rejects.toMatchObject({ code: 'RX_VOLUNTEER_ACCOUNT_TAKEN' });
      const v = await registerVolunteer(
        t.db,
        someone({ account: { userId: city.users.v1 } }),
        staff(city.users.worker1, SQ1),
      );
      expect(v.userId).toBe(city.users.v1);
      await expect(
        registerVolunteer(
          t.db,
          someone({ phone: '13900000002', account: { userId: city.users.v1 } }),
          staff(city.users.worker1, SQ1),
        ),
      ).rejects.toMatchObject({ code: 'RX_VOLUNTEER_EXISTS' });
    });

    it('posts an official down with their unit, listed on the roster', async () => {
      const city = await volunteersCity(t.db);
      const team = await createOrganisation(
        t.db,
        { name: '较场口志愿服务队', kind: 'volunteer_team', place: SQ1 },
        actor(city.users.worker1, SQ1),
      );
      const unit = await createOrganisation(
        t.db,
        { name: '渝中区财政局', kind: 'unit', place: 'cq.yz' },
        actor(city.users.admin, 'cq'),
      );
      await expect(
        registerVolunteer(
          t.db,
          someone({ posted: true, organisationId: team.id }),
          staff(city.users.worker1, SQ1),
        ),
      ).rejects.toMatchObject({ code: 'RX_POSTED_NEEDS_UNIT' });
      const official = await registerVolunteer(
        t.db,
        someone({ name: '陈干部', phone: '13700000001', posted: true, organisationId: unit.id }),
        staff(city.users.worker1, SQ1),
      );
      await registerVolunteer(t.db, someone({ organisationId: team.id }), staff(city.users.worker1, SQ1));
      expect(official.organisation).toEqual({ id: unit.id, name: '渝中区财政局', kind: 'unit' });
      const roster = await listVolunteers(t.db, { scope: SQ1, posted: true });
      expect(roster.volunteers.map((v) => v.name)).toEqual(['陈干部']);
      expect(
        (await listVolunteers(t.db, { scope: SQ1, organisationId: team.id })).volunteers.map((v) => v.name),
      ).toEqual(['刘洋']);
      // Organisations seen from a community: its own and those above it, not 江北's.
      await createOrganisation(
        t.db,
        { name: '江北物业', kind: 'property_mgmt', place: SQ9 },
        actor(city.users.jb1, 'cq.jb'),
      );
      const seen = await listOrganisations(t.db, { scope: SQ1 });
      expect(seen.map((o) => [o.name, o.volunteers])).toEqual([
        ['渝中区财政局', 1],
        ['较场口志愿服务队', 1],
      ]);
      await expect(
        createOrganisation(
          t.db,
          { name: '江北物业', kind: 'enterprise', place: SQ1 },
          actor(city.users.worker1, SQ1),
        ),
      ).rejects.toMatchObject({ code: 'RX_ORGANISATION_EXISTS' });
    });

    it('verifies within the caller only; again changes nothing; one audit row', async () => {
      const city = await volunteersCity(t.db);
      const v = await registerVolunteer(t.db, someone(), staff(city.users.worker1, SQ1));
      await expect(verifyVolunteer(t.db, v.id, actor(city.users.worker2, SQ2))).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      const first = await verifyVolunteer(t.db, v.id, actor(city.users.worker1, SQ1));
      expect(first.changed).toBe(true);
      expect(first.volunteer).toMatchObject({
        state: 'verified',
        verifiedBy: city.users.worker1,
        verifiedAt: NOW,
      });
      expect((await verifyVolunteer(t.db, v.id, actor(city.users.street1, 'cq.yz.jd01'))).changed).toBe(
        false,
      );
      expect(await audit(t.db, 'volunteer.verify')).toHaveLength(1);
    });

    it('gives mutual aid the verified volunteers, their open windows and the tasks used today', async () => {
      const city = await volunteersCity(t.db);
      const w = actor(city.users.worker1, SQ1);
      const a = await registerVolunteer(
        t.db,
        someone({
          capacity: 3,
          windows: [
            { from: h(-5), to: h(-1) },
            { from: h(1), to: h(3) },
          ],
        }),
        staff(city.users.worker1, SQ1),
      );
      await registerVolunteer(
        t.db,
        someone({ name: '未核实', phone: '13900000002' }),
        staff(city.users.worker1, SQ1),
      );
      const far = await registerVolunteer(
        t.db,
        someone({ name: '江北', phone: '13900000009', community: SQ9 }),
        staff(city.users.admin, 'cq'),
      );
      await verifyVolunteer(t.db, a.id, w);
      await verifyVolunteer(t.db, far.id, actor(city.users.admin, 'cq'));
      await t.db.transaction((tx) =>
        addVolunteerHours(
          tx,
          { volunteerId: a.id, hours: 1.5, source: 'aid_request:r1' },
          { userId: null, now: NOW },
        ),
      );
      // The same source again is recorded once; yesterday's entry does not count today.
      expect(
        await t.db.transaction((tx) =>
          addVolunteerHours(
            tx,
            { volunteerId: a.id, hours: 1.5, source: 'aid_request:r1' },
            { userId: null, now: NOW },
          ),
        ),
      ).toBeNull();
      await recordHours(t.db, { volunteerId: a.id, hours: 2, date: '2026-12-05' }, w);
      const all = await verifiedVolunteersFor(t.db, { at: NOW });
      expect(all.map((v) => v.id).sort()).toEqual([a.id, far.id].sort());
      const mine = await verifiedVolunteersFor(t.db, { placePath: 'cq.yz', at: NOW });
      expect(mine).toEqual([
        {
          id: a.id,
          skills: ['medicine_delivery', 'transport'],
          lon: 106.574,
          lat: 29.552,
          capacity: 3,
          windows: [{ from: h(1), to: h(3) }],
          usedToday: 1,
        },
      ]);
      expect((await volunteerById(t.db, a.id))?.hours).toBe(3.5);
      expect(await audit(t.db, 'volunteer.hours')).toHaveLength(2);
      await expect(recordHours(t.db, { volunteerId: far.id, hours: 1 }, w)).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
    });

    it('replaces windows, refusing a window that ends before it starts', async () => {
      const city = await volunteersCity(t.db);
      const w = actor(city.users.worker1, SQ1);
      const v = await registerVolunteer(
        t.db,
        someone({ windows: [{ from: h(1), to: h(2) }] }),
        staff(city.users.worker1, SQ1),
      );
      const next = await setVolunteerWindows(t.db, v.id, [{ from: h(5), to: h(8) }], w);
      expect(next.windows).toEqual([{ from: h(5), to: h(8) }]);
      await expect(setVolunteerWindows(t.db, v.id, [{ from: h(5), to: h(4) }], w)).rejects.toMatchObject({
        field: 'body.windows.0',
      });
      await expect(setVolunteerWindows(t.db, v.id, [], actor(city.users.jb1, 'cq.jb'))).rejects.toMatchObject(
        {
          code: 'RX_NOT_FOUND',
        },
      );
      expect(await audit(t.db, 'volunteer.windows')).toHaveLength(1);
    });
  },
  { migrate: true },
);
