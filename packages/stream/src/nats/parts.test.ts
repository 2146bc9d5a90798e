/** The runtime's pure parts: configuration, lease shares, snapshot frames, batching, CSV reading. */
import { DEFAULT_PARAMS } from '@renxing/engine';
import { describe, expect, it } from 'vitest';
import { partitionOf } from '../core/partition.js';
import { streamConfigFromEnv, streamNames } from './config.js';
import { keyToken, shareOf, takeOrder, toRelease } from './lease-plan.js';
import { PingBatcher } from './ping-batcher.js';
import { PingCsv } from './ping-csv.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot-frame.js';

describe('streamConfigFromEnv', () => {
  it('is off without RENXING_NATS_URL or with off', () => {
    expect(streamConfigFromEnv({}, DEFAULT_PARAMS)).toBeNull();
    expect(streamConfigFromEnv({ RENXING_NATS_URL: 'off' }, DEFAULT_PARAMS)).toBeNull();
  });

  it('reads the servers and the defaults, and refuses bad numbers with RX_STREAM_CONFIG', () => {
    const cfg = streamConfigFromEnv({ RENXING_NATS_URL: 'nats://a:4222, nats://b:4222' }, DEFAULT_PARAMS);
    expect(cfg).toMatchObject({
      servers: ['nats://a:4222', 'nats://b:4222'],
      prefix: 'rx',
      partitions: 16,
      shards: 8,
      replicas: 1,
      snapshotDir: null,
      snapshotEverySeconds: 10,
    });
    expect(() =>
      streamConfigFromEnv({ RENXING_NATS_URL: 'x', RENXING_STREAM_SHARDS: '0' }, DEFAULT_PARAMS),
    ).toThrow(expect.objectContaining({ code: 'RX_STREAM_CONFIG' }));
    expect(() =>
      streamConfigFromEnv({ RENXING_NATS_URL: 'x', RENXING_STREAM_PREFIX: 'a.b' }, DEFAULT_PARAMS),
    ).toThrow(expect.objectContaining({ code: 'RX_STREAM_CONFIG' }));
  });

  it('names streams, subjects and buckets from the prefix', () => {
    const n = streamNames('rx');
    expect([n.pingsStream, n.staysStream, n.metaBucket, n.snapshotStore]).toEqual([
      'RX_PINGS',
      'RX_STAYS',
      'rx-meta',
      'rx-snapshots',
    ]);
    expect([n.pings(3), n.stays(2), n.query(1)]).toEqual(['rx.pings.3', 'rx.stays.2', 'rx.query.1']);
  });
});

describe('lease shares', () => {
  it('splits units evenly and gives back the last taken', () => {
    expect(shareOf(16, 0)).toBe(16);
    expect(shareOf(16, 3)).toBe(6);
    expect(toRelease([5, 6, 7, 0], 2)).toEqual([7, 0]);
    expect(new Set(takeOrder(7, 'b1')).size).toBe(7);
    expect(keyToken('host:1/a')).toBe('host_1_a');
  });
});

describe('snapshot frames', () => {
  it('round-trip, and a damaged frame reads as null (a full replay), never a crash', () => {
    const bytes = encodeSnapshot({ key: 'builder.p3', covered: 1234, payload: new Uint8Array([9, 8, 7]) });
    const back = decodeSnapshot(bytes);
    expect(back).toMatchObject({ key: 'builder.p3', covered: 1234 });
    expect([...(back?.payload ?? [])]).toEqual([9, 8, 7]);
    expect(decodeSnapshot(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(decodeSnapshot(new Uint8Array([1, 2, 3]))).toBeNull();
    const bad = bytes.slice();
    bad[0] ^= 1;
    expect(decodeSnapshot(bad)).toBeNull();
  });
});

describe('PingBatcher', () => {
  it('keeps each partition’s pings in arrival order, in batches of the given size', () => {
    const b = new PingBatcher(3, 2);
    const subjects = ['a', 'b', 'c', 'd', 'a', 'a', 'b'];
    for (let k = 0; k < subjects.length; k++) b.add(subjects[k], k, 0, 0);
    const all = [...b.takeFull(), ...b.takeAll()];
    for (const { partition, batch } of all) {
      expect(batch.count).toBeLessThanOrEqual(2);
      for (const s of batch.subject) expect(partitionOf(s, 3)).toBe(partition);
    }
    const aTimes = all.flatMap(({ batch }) =>
      batch.subject.flatMap((s, k) => (s === 'a' ? [batch.ts[k]] : [])),
    );
    expect(aTimes).toEqual([0, 4, 5]);
    expect(all.reduce((n, x) => n + x.batch.count, 0)).toBe(subjects.length);
  });
});

describe('PingCsv', () => {
  it('keeps what the engine keeps and rejects with the engine’s reasons', () => {
    const kept: string[] = [];
    const rejects: string[] = [];
    const csv = new PingCsv(
      8 * 3600,
      (s, hash, ts, lon, lat) => {
        kept.push(`${s}|${ts}|${lon}|${lat}`);
        expect(hash % 7).toBe(partitionOf(s, 7));
      },
      (line, reason) => rejects.push(`${line}:${reason}`),
    );
    csv.push(
      new TextEncoder().encode(
        'lat,subject,ts,lon\n29.5,"x,1",1700000000,106.5\n29.5,张三,1700000000,106.5\n29.5,张三,1700000001,106.5\n29.5,"""q""",1,1\n\n29.5,y,nope,106.5\n95,z,1700000000,106.5\n29.5,,1,1\n29.5,w,2026-11-01 08:00:00,106.5',
      ),
    );
    csv.finish();
    expect(kept).toEqual([
      'x,1|1700000000|106.5|29.5',
      '张三|1700000000|106.5|29.5',
      '张三|1700000001|106.5|29.5',
      '"q"|1|1|29.5',
      'w|1793491200|106.5|29.5',
    ]);
    expect(rejects).toEqual(['6:blank line', '7:unparseable ts', '8:bad lat', '9:missing subject']);
    expect([csv.rows, csv.rejected]).toEqual([9, 4]);
  });
});
