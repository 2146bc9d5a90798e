/** Where snapshots live: a folder (written atomically) or the JetStream object store. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ObjectStore, setSha256Backend } from '@nats-io/obj';

export interface SnapshotStore {
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

export function objectSnapshots(os: ObjectStore): SnapshotStore {
  // The object store digests every object; Node's native SHA-256 is many times the pure-JS default's speed.
  setSha256Backend('native');
  return {
    get: (name) => os.getBlob(name),
    async put(name, bytes) {
      await os.putBlob({ name }, bytes);
    },
  };
}
