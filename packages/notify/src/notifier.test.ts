import { forEachDatabase } from '@renxing/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDeliveries, parseSmtpUrl } from './email.js';
import { listNotifications, markRead } from './inapp.js';
import { createNotifier } from './notifier.js';
import { type SmtpSink, startSmtpSink } from './test-support.js';

const AT = new Date('2026-12-05T08:00:00Z');

describe('parseSmtpUrl', () => {
  it('takes smtp:// and smtps://, refuses anything else', () => {
    expect(parseSmtpUrl('smtp://127.0.0.1:2525').port).toBe('2525');
    expect(parseSmtpUrl('smtps://mail.example:465').protocol).toBe('smtps:');
    expect(() => parseSmtpUrl('http://mail.example')).toThrow(RangeError);
    expect(() => parseSmtpUrl('not a url')).toThrow(RangeError);
  });
});

forEachDatabase(
  'notify',
  (t) => {
    let sink: SmtpSink;
    beforeAll(async () => {
      sink = await startSmtpSink();
    });
    afterAll(async () => {
      await sink.close();
    });

    async function person(name: string): Promise<{ userId: string; personId: string }> {
      const p = await t.db.query<{ id: string }>(
        `INSERT INTO people (name, import_key) VALUES ($1, $1) RETURNING id`,
        [name],
      );
      const u = await t.db.query<{ id: string }>(
        `INSERT INTO users (username, password_hash, role, person_id) VALUES ($1, 'x', 'resident', $2) RETURNING id`,
        [`u-${name}`, p.rows[0]!.id],
      );
      return { userId: u.rows[0]!.id, personId: p.rows[0]!.id };
    }

    it('sends e-mail over SMTP: the real message arrives, subject, recipient, UTF-8 Chinese body', async () => {
      const n = createNotifier({
        db: t.db,
        smtpUrl: sink.url,
        from: '韧性平台 <noreply@renxing.test>',
        now: () => AT,
      });
      const before = sink.received.length;
      const me = await person(`mail-${t.kind}`);
      const d = await n.send({
        to: { ...me, email: `resident-${t.kind}@example.test` },
        subject: '您的报告已受理：楼道积水',
        text: '您好！您于 12 月 5 日提交的报告已受理。\n编号 R-1。',
        kind: 'participation.report_state',
        ref: 'R-1',
      });
      n.close();
      expect(d.channels).toEqual(['inapp', 'email']);
      const got = (await sink.waitFor(before + 1))[before]!;
      expect(got.rcptTo).toEqual([`resident-${t.kind}@example.test`]);
      expect(got.mailFrom).toBe('noreply@renxing.test');
      expect(got.subject).toBe('您的报告已受理：楼道积水');
      expect(got.text).toBe('您好！您于 12 月 5 日提交的报告已受理。\n编号 R-1。');
      expect(got.headers['content-type']).toMatch(/charset=utf-8/i);
      expect(got.headers['x-renxing-ref']).toBe('R-1');
      const log = await listDeliveries(t.db);
      expect(log).toEqual([
        expect.objectContaining({
          recipient: `resident-${t.kind}@example.test`,
          status: 'sent',
          error: null,
        }),
      ]);
      const mine = await listNotifications(t.db, me);
      expect(mine.unread).toBe(1);
      expect(mine.notifications[0]).toMatchObject({
        subject: '您的报告已受理：楼道积水',
        ref: 'R-1',
        readAt: null,
      });
    });

    it('a failed SMTP delivery is logged as failed and never throws', async () => {
      // A port nothing listens on: the sink's, once closed.
      const dead = await startSmtpSink();
      await dead.close();
      const n = createNotifier({ db: t.db, smtpUrl: dead.url, now: () => AT });
      const me = await person(`fail-${t.kind}`);
      const d = await n.send({
        to: { userId: me.userId, email: 'nobody@example.test' },
        subject: '测试',
        text: '正文',
        kind: 'participation.report_state',
      });
      n.close();
      expect(d.channels).toEqual(['inapp']);
      const [row] = await listDeliveries(t.db);
      expect(row).toMatchObject({ recipient: 'nobody@example.test', status: 'failed' });
      expect(row!.error).toMatch(/ECONNREFUSED|connect/i);
    });

    it('without SMTP: in-app only; nothing for a message with no user or person', async () => {
      const n = createNotifier({ db: t.db, smtpUrl: null, now: () => AT });
      const me = await person(`inapp-${t.kind}`);
      expect(
        await n.send({
          to: { personId: me.personId, email: 'x@example.test' },
          subject: 's',
          text: 't',
          kind: 'a.b',
        }),
      ).toEqual({ channels: ['inapp'] });
      expect(await n.send({ to: { email: 'x@example.test' }, subject: 's', text: 't', kind: 'a.b' })).toEqual(
        {
          channels: [],
        },
      );
      expect(await listDeliveries(t.db)).toEqual([]);
    });

    it('a reader sees what was sent to their user or their person, marks only their own read', async () => {
      const n = createNotifier({ db: t.db, smtpUrl: null, now: () => AT });
      const me = await person(`reader-${t.kind}`);
      const other = await person(`other-${t.kind}`);
      await n.send({ to: { userId: me.userId }, subject: '给用户', text: '1', kind: 'a.b' });
      await n.send({ to: { personId: me.personId }, subject: '给本人', text: '2', kind: 'a.b' });
      await n.send({ to: { userId: other.userId }, subject: '给别人', text: '3', kind: 'a.b' });
      const mine = await listNotifications(t.db, me);
      expect(mine.notifications.map((x) => x.subject).sort()).toEqual(['给本人', '给用户']);
      expect(mine.unread).toBe(2);
      const theirs = await listNotifications(t.db, other);
      expect(await markRead(t.db, me, [theirs.notifications[0]!.id], AT)).toBe(0);
      expect(await markRead(t.db, me, [mine.notifications[0]!.id, theirs.notifications[0]!.id], AT)).toBe(1);
      const after = await listNotifications(t.db, me);
      expect(after.notifications.find((x) => x.id === mine.notifications[0]!.id)?.readAt).toEqual(AT);
      expect(after.unread).toBe(1);
      expect((await listNotifications(t.db, me, { unreadOnly: true })).notifications).toHaveLength(1);
      expect(await markRead(t.db, me, 'all', AT)).toBe(1);
      expect((await listNotifications(t.db, me)).unread).toBe(0);
      expect((await listNotifications(t.db, other)).unread).toBe(1);
    });
  },
  { migrate: true },
);
