/** A seeded synthetic city streamed vs batch: identical CSV for both presets and both modes. */
import { generateCases, generatePings } from '@renxing/city-gen';
import { type CompanionMode, parseInstantText, resolveParams } from '@renxing/engine';
import type { OPing } from '@renxing/testkit';
import { describe, expect, it } from 'vitest';
import { batchRun, streamedCsv } from './test-support.js';

const opts = { phones: 150, days: 5, seed: 16, badRows: false, cases: 12 };

/** The city's pings, plus a duplicate (same subject and instant, another place) of every 37th one, later in the file. */
function cityPings(): { pings: OPing[]; csv: string } {
  const pings: OPing[] = [];
  for (const chunk of generatePings(opts)) {
    for (const line of chunk.split('\n')) {
      if (line === '' || line.startsWith('subject,')) continue;
      const [subject, ts, lon, lat] = line.split(',');
      pings.push({ subject, t: parseInstantText(ts, 8 * 3600), lon: Number(lon), lat: Number(lat) });
    }
  }
  const n = pings.length;
  for (let k = 0; k < n; k += 37) {
    const p = pings[k];
    pings.splice(Math.min(pings.length, k + 500), 0, { ...p, lon: p.lon + 0.02 });
  }
  let csv = 'subject,ts,lon,lat\n';
  for (const p of pings) csv += `${p.subject},${p.t},${p.lon},${p.lat}\n`;
  return { pings, csv };
}

describe('a seeded city streamed ≡ batch', () => {
  const { pings, csv } = cityPings();
  const casesCsv = generateCases(opts);
  it.each([
    ['default', 'contiguous'],
    ['default', 'cumulative'],
    ['chengdu-2021', 'contiguous'],
    ['chengdu-2021', 'cumulative'],
  ] as [string, CompanionMode][])('%s, %s', async (preset, mode) => {
    const { params } = resolveParams(preset, { mode });
    const batch = batchRun(csv, casesCsv, params);
    expect(batch.summary.companions).toBeGreaterThan(0);
    expect(batch.summary.duplicates).toBeGreaterThan(0);
    const got = await streamedCsv(pings, casesCsv, params, {
      partitions: 4,
      shards: 3,
      split: [500, 37, 1200],
      seed: 5,
      snapshotAt: 3,
      shuffleOps: true,
    });
    expect(got.csv).toBe(batch.csv);
    expect(got.duplicates).toBe(batch.summary.duplicates);
  });

  it('in shuffled file order (late pings everywhere), default preset', async () => {
    // Same order for both: duplicates keep the first in file order, streamed or not.
    const shuffled = [...pings];
    let seed = 99;
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    let csv2 = 'subject,ts,lon,lat\n';
    for (const p of shuffled) csv2 += `${p.subject},${p.t},${p.lon},${p.lat}\n`;
    const { params } = resolveParams('default', {});
    const batch = batchRun(csv2, casesCsv, params);
    expect(batch.summary.companions).toBeGreaterThan(0);
    const got = await streamedCsv(shuffled, casesCsv, params, {
      partitions: 2,
      shards: 5,
      split: [1000],
      seed: 8,
      snapshotAt: 2,
      shuffleOps: false,
    });
    expect(got.csv).toBe(batch.csv);
  });
});
