import { Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { KvWriter } from './kv-writer.js';
import { stopTestNats, testNatsUrl, uniquePrefix } from './test-support.js';

afterAll(stopTestNats);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KvWriter', () => {
  it('writes the last value once the bucket answers again, with nothing set after', async () => {
    const nc = await connect({ servers: await testNatsUrl() });
    const kvm = new Kvm(nc);
    const bucket = `${uniquePrefix()}-kvw`;
    const kv = await kvm.create(bucket, { history: 1 });
    const lines: string[] = [];
    try {
      const w = new KvWriter(kv, (line) => lines.push(line));
      // The bucket's stream gone: every put fails, and the writer gives up its run after a few.
      await kv.destroy();
      w.set('built.0', '7');
      await sleep(2500);
      expect(lines.some((l) => l.startsWith('writing built.0:'))).toBe(true);
      const again = await kvm.create(bucket, { history: 1 });
      let value: string | undefined;
      for (let k = 0; k < 50 && value !== '7'; k++) {
        await sleep(100);
        value = (await again.get('built.0'))?.string();
      }
      expect(value).toBe('7');
    } finally {
      await kv.destroy().catch(() => false);
      await nc.close();
    }
  }, 20_000);
});
