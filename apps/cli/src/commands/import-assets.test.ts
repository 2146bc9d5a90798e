import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forEachDatabase } from '@renxing/db/testing';
import { getN1Analysis, listAssets } from '@renxing/modules/infrastructure';
import { insertPlaces } from '@renxing/modules/places';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseCommandLine } from '../args.js';
import { command, importAssetsCommand } from './import-assets.js';

const NOW = new Date('2026-12-06T04:00:00Z');
const SQ1 = 'cq.yz.jd01.sq01';
const SQ2 = 'cq.yz.jd01.sq02';
const sink = () => {
  const chunks: string[] = [];
  return {
    write: (s: string) => chunks.push(s) > 0,
    text: () => chunks.join(''),
  } as unknown as NodeJS.WritableStream & { text(): string };
};

forEachDatabase(
  'import assets command',
  (t) => {
    let dir: string;
    beforeEach(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-assets-'));
      await insertPlaces(t.db, [
        { level: 'city', code: 'cq', name: '重庆市' },
        { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
        { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '较场口社区' },
        { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq02', name: '民族路社区' },
      ]);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('imports assets then links, stores the N-1 analysis, writes the rejects, and re-runs to no change', async () => {
      const assets = path.join(dir, 'assets.csv');
      const links = path.join(dir, 'links.csv');
      fs.writeFileSync(
        assets,
        [
          'id,kind,type,name,community,population',
          'W-SRC,water,source,水厂,,',
          'W-PUMP,water,node,泵站,,',
          `W-SQ1,water,sink,较场口供水,${SQ1},1200`,
          `W-SQ2,water,sink,民族路供水,${SQ2},800`,
          'W-BAD,water,tank,,,',
          '',
        ].join('\n'),
      );
      fs.writeFileSync(
        links,
        [
          'from,to,relation',
          'W-SRC,W-PUMP,feeds',
          'W-PUMP,W-SQ1,feeds',
          'W-SRC,W-SQ2,feeds',
          'W-PUMP,W-NONE,feeds',
          '',
        ].join('\n'),
      );
      const out = sink();
      const first = await importAssetsCommand({ file: assets, links }, 'en', { db: t.db, out, now: NOW });
      expect(first.files.map((f) => [f.summary.what, f.summary.created])).toEqual([
        ['assets', 4],
        ['links', 3],
      ]);
      expect(first.rejectsFile).toBe(`${assets}.rejects.csv`);
      expect(fs.readFileSync(`${assets}.rejects.csv`, 'utf8')).toBe(
        'file,line,feature,reason\n' +
          'assets.csv,6,,"type is not source, node or sink"\n' +
          'links.csv,5,,to is not a known asset\n',
      );
      expect(out.text()).toContain('assets created / updated / unchanged: 4 / 0 / 0');
      expect(out.text()).toContain('links created / unchanged: 3 / 0');
      expect((await listAssets(t.db, null)).assets.map((a) => a.id)).toEqual([
        'W-PUMP',
        'W-SQ1',
        'W-SQ2',
        'W-SRC',
      ]);
      const n1 = await getN1Analysis(t.db, null);
      expect(n1.rows.map((r) => `${r.asset}:${r.communityPath}:${r.populationLost}`)).toEqual([
        `W-PUMP:${SQ1}:1200`,
        `W-SQ1:${SQ1}:1200`,
        `W-SQ2:${SQ2}:800`,
        `W-SRC:${SQ1}:1200`,
        `W-SRC:${SQ2}:800`,
      ]);
      expect(n1.computedAt).toEqual(NOW);
      const audit = await t.db.query<{ actor: string }>(
        "SELECT actor FROM audit_log WHERE action = 'infrastructure.import'",
      );
      expect(audit.rows.map((r) => r.actor)).toEqual(['system:infrastructure', 'system:infrastructure']);

      const again = await importAssetsCommand({ file: assets, links }, 'zh-CN', {
        db: t.db,
        out: sink(),
        now: NOW,
      });
      expect(again.files.map((f) => [f.summary.created, f.summary.unchanged, f.summary.n1])).toEqual([
        [0, 4, null],
        [0, 3, null],
      ]);
      expect(fs.readFileSync(`${assets}.rejects.csv`, 'utf8')).toContain(
        'assets.csv,6,,type 不是 source、node 或 sink',
      );
    });

    it('imports GeoJSON with rejects by feature, and is reached from the command line', async () => {
      const file = path.join(dir, 'net.geojson');
      fs.writeFileSync(
        file,
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [106.57, 29.55] },
              properties: { id: 'E-SRC', kind: 'power', type: 'source' },
            },
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [106.574, 29.552] },
              properties: { id: 'E-SQ1', kind: 'power', type: 'sink', community: SQ1, population: 50 },
            },
            {
              type: 'Feature',
              geometry: { type: 'LineString', coordinates: [] },
              properties: { from: 'E-SRC', to: 'E-SQ1' },
            },
            { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [] }, properties: {} },
          ],
        }),
      );
      const out = sink();
      const r = await importAssetsCommand({ file }, 'en', { db: t.db, out, now: NOW });
      expect(r.files[0].summary).toMatchObject({ what: 'geojson', created: 3 });
      expect(fs.readFileSync(`${file}.rejects.csv`, 'utf8')).toBe(
        'file,line,feature,reason\nnet.geojson,,3,geometry is neither a Point (an asset) nor a LineString (a link)\n',
      );
      const line = parseCommandLine(['import', 'assets', file, '--links', 'l.csv'], [command]);
      expect(line.command).toBe(command);
      expect(line.flags).toMatchObject({ file, links: 'l.csv' });
    });
  },
  { migrate: true },
);
