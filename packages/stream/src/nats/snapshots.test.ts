import { jetstreamManager } from '@nats-io/jetstream';
import { Objm } from '@nats-io/obj';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { objectSnapshots } from './snapshots.js';
import { stopTestNats, testNatsUrl, uniquePrefix } from './test-support.js';

afterAll(stopTestNats);

describe('objectSnapshots', () => {
  it('reads back what it wrote (several chunks), null for none, no bytes once its chunks are gone', async () => {
    const nc = await connect({ servers: await testNatsUrl() });
    const jsm = await jetstreamManager(nc);
    const bucket = `${uniquePrefix()}-snaps`;
    const os = await new Objm(nc).create(bucket);
    try {
      const store = objectSnapshots(os, jsm, bucket);
      const bytes = Uint8Array.from({ length: 300_000 }, (_, k) => (k * 7) % 251);
      await store.put('builder.p0', bytes);
      await store.put('builder.p0', bytes.subarray(1)); // replaced: the newest is read
      expect(await store.get('builder.p0')).toEqual(bytes.subarray(1));
      expect(await store.get('builder.p9')).toBeNull();
      // What a put that failed after storing its metadata leaves: metadata naming purged chunks.
      const info = await os.info('builder.p0');
      await jsm.streams.purge(`OBJ_${bucket}`, { filter: `$O.${bucket}.C.${info?.nuid}` });
      expect(await store.get('builder.p0')).toEqual(new Uint8Array(0));
    } finally {
      await os.destroy().catch(() => false);
      await nc.close();
    }
  });
});
