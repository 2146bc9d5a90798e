import { forEachDatabase } from '@renxing/db/testing';
import { insertPlaces } from '@renxing/modules/places';
import { getResilienceIndex } from '@renxing/modules/resilience';
import { expect, it } from 'vitest';
import { parseCommandLine } from '../args.js';
import { command, resilienceComputeCommand } from './resilience-compute.js';

const NOW = new Date('2026-12-06T04:00:00Z');
const sink = () => {
  const chunks: string[] = [];
  return {
    write: (s: string) => chunks.push(s) > 0,
    text: () => chunks.join(''),
  } as unknown as NodeJS.WritableStream & { text(): string };
};

forEachDatabase(
  'resilience compute command',
  (t) => {
    it("computes and stores a date's index with the platform's indicators", async () => {
      await insertPlaces(t.db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
        { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '较场口社区' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '民族路社区' },
      ]);
      const out = sink();
      const run = await resilienceComputeCommand({ date: '2026-12-01' }, 'en', { db: t.db, out, now: NOW });
      expect(run).toMatchObject({ date: '2026-12-01', communities: 2, disabled: [] });
      expect(run.indicators).toHaveLength(10);
      expect(out.text()).toContain('date: 2026-12-01');
      const today = await resilienceComputeCommand({}, 'zh-CN', { db: t.db, out: sink(), now: NOW });
      expect(today.date).toBe('2026-12-06');
      const view = await getResilienceIndex(t.db, {}, { userId: null, scope: null, now: NOW });
      expect(view.dates).toEqual(['2026-12-06', '2026-12-01']);
      expect(view.rows).toHaveLength(2);
    });

    it('refuses a date that is not one', async () => {
      await expect(
        resilienceComputeCommand({ date: '2026-02-30' }, 'en', { db: t.db, out: sink(), now: NOW }),
      ).rejects.toMatchObject({
        code: 'RX_VALIDATION',
      });
    });
  },
  { migrate: true },
);

it('takes --date and nothing else', () => {
  const line = parseCommandLine(['resilience', 'compute', '--date', '2026-12-01'], [command]);
  expect(line.command).toBe(command);
  expect(line.flags).toMatchObject({ date: '2026-12-01' });
  expect(() => parseCommandLine(['resilience', 'compute', '--out', 'x'], [command])).toThrow();
});
