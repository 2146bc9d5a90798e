import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeSnapshot, restoreUnit } from './snapshot-frame.js';
import { folderSnapshots } from './snapshots.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rx-restore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = folderSnapshots(dir, 'p');

/** A payload that restores to its text, and throws on a text starting with "bad". */
function restoreText(payload: Uint8Array): string {
  const text = new TextDecoder().decode(payload);
  if (text.startsWith('bad')) throw new Error('not a state');
  return text;
}

async function restore(key: string) {
  const lines: string[] = [];
  const r = await restoreUnit(
    store,
    key,
    'shard',
    restoreText,
    () => 'fresh',
    (l) => lines.push(l),
  );
  return { ...r, lines };
}

describe('restoreUnit', () => {
  it('restores the payload with the sequence its frame covers', async () => {
    await store.put(
      'index.s1',
      encodeSnapshot({ key: 'index.s1', covered: 42, payload: new TextEncoder().encode('state') }),
    );
    expect(await restore('index.s1')).toEqual({ state: 'state', covered: 42, lines: [] });
  });

  it('starts fresh at 0 without a snapshot, and says nothing', async () => {
    expect(await restore('index.s2')).toEqual({ state: 'fresh', covered: 0, lines: [] });
  });

  it('replays from the start (and says so) for a damaged frame, another key or a payload that does not restore', async () => {
    await store.put('index.s3', new Uint8Array([1, 2, 3]));
    await store.put('index.s4', encodeSnapshot({ key: 'index.s0', covered: 9, payload: new Uint8Array(1) }));
    await store.put(
      'index.s5',
      encodeSnapshot({ key: 'index.s5', covered: 9, payload: new TextEncoder().encode('bad') }),
    );
    for (const key of ['index.s3', 'index.s4', 'index.s5']) {
      const r = await restore(key);
      expect([r.state, r.covered]).toEqual(['fresh', 0]);
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toContain(`snapshot ${key} unreadable`);
      expect(r.lines[0]).toContain('replaying the shard from the start');
    }
    expect((await restore('index.s5')).lines[0]).toContain('not a state');
  });
});
