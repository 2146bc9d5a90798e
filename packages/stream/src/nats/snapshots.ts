/** Where snapshots live: a folder (written atomically) or the JetStream object store. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JetStreamManager, MsgRequest } from '@nats-io/jetstream';
import { type ObjectStore, setSha256Backend } from '@nats-io/obj';

export interface SnapshotStore {
  /**
   * The snapshot's bytes; null when there is none. A damaged one (an object whose chunks are gone
   * or do not match its digest) reads as no bytes at all, which restoring takes as unreadable.
   * Throws when NATS does not answer (the caller tries again later).
   */
  get(name: string): Promise<Uint8Array | null>;
  put(name: string, bytes: Uint8Array): Promise<void>;
}

export function folderSnapshots(dir: string, prefix: string): SnapshotStore {
  const file = (name: string) => path.join(dir, `${prefix}-${name}.snap`);
  return {
    async get(name) {
      try {
        return new Uint8Array(await readFile(file(name)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async put(name, bytes) {
      await mkdir(dir, { recursive: true });
      // A crash mid-write leaves the previous snapshot whole: write aside, then rename over it.
      const tmp = `${file(name)}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file(name));
    },
  };
}

/**
 * Snapshots in the object store `bucket`. Written with the object store's put; read chunk by
 * chunk from the stream's leader (STREAM.MSG.GET, next message on the chunks' subject) rather than
 * through the object store's push consumer, which can stall for good when a server dies mid-read.
 */
export function objectSnapshots(os: ObjectStore, jsm: JetStreamManager, bucket: string): SnapshotStore {
  // The object store digests every object; Node's native SHA-256 is many times the pure-JS default's speed.
  setSha256Backend('native');
  return {
    get: (name) => readObject(os, jsm, bucket, name),
    async put(name, bytes) {
      await os.putBlob({ name }, bytes);
    },
  };
}

async function readObject(
  os: ObjectStore,
  jsm: JetStreamManager,
  bucket: string,
  name: string,
): Promise<Uint8Array | null> {
  const info = await os.info(name);
  if (info === null || info.deleted) return null;
  const subject = `$O.${bucket}.C.${info.nuid}`;
  const out = new Uint8Array(info.size);
  let at = 0;
  let seq = 0;
  for (let k = 0; k < info.chunks; k++) {
    // The first message on `subject` from `seq` on: STREAM.MSG.GET has taken next_by_subj since
    // nats-server 2.9 (the client's types list it for direct gets only).
    const next = { next_by_subj: subject, seq: seq + 1 } as unknown as MsgRequest;
    const m = await jsm.streams.getMessage(`OBJ_${bucket}`, next);
    // A put that failed after its metadata was stored purges the chunks it wrote.
    if (m === null || at + m.data.length > out.length) return new Uint8Array(0);
    out.set(m.data, at);
    at += m.data.length;
    seq = m.seq;
  }
  const digest = `SHA-256=${createHash('sha256').update(out).digest('base64url')}`;
  if (at !== out.length || digest.replace(/=+$/, '') !== info.digest.replace(/=+$/, ''))
    return new Uint8Array(0);
  return out;
}
