import { forEachDatabase } from '@renxing/db/testing';
import { createNotifier } from '@renxing/notify';
import { expect, it } from 'vitest';
import { submitReport } from '../service/reports.js';
import { listWarnings } from '../store/warnings.js';
import { HOUR, NOW, participationApp, SQ1, seedCity, staffActor } from '../test-support.js';

forEachDatabase(
  'participation: the early-warning ticker',
  (t) => {
    it('checks when the app is ready (and each period after) when configured; never in an app built without it', async () => {
      const city = await seedCity(t.db);
      const notifier = createNotifier({ db: t.db, smtpUrl: null, now: () => NOW });
      for (const [k, who] of ['居民01', '居民02', '居民03'].entries())
        await submitReport(
          t.db,
          notifier,
          staffActor(city, 'admin', 'cq', new Date(NOW.getTime() - (k + 1) * HOUR)),
          {
            category: 'health_symptom',
            text: `咳嗽发热 ${who}`,
            personId: city.person[who],
          },
        );
      const now = () => Math.floor(NOW.getTime() / 1000);
      const off = await participationApp(t.db, { now });
      await off.ready();
      await off.close();
      expect(await listWarnings(t.db, { scope: SQ1, limit: 10 })).toEqual([]);
      const on = await participationApp(t.db, { now, earlyWarningSeconds: 3600 });
      await on.ready();
      // onClose waits for the running check to finish.
      await on.close();
      expect(await listWarnings(t.db, { scope: SQ1, limit: 10 })).toMatchObject([{ n: 3, placePath: SQ1 }]);
    });
  },
  { migrate: true },
);
