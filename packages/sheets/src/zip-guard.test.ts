import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bombData, emptyRows, zipOf } from './test-support.js';
import { checkZip, zipEntries } from './zip-guard.js';

const MiB = 1024 * 1024;
const limits = { maxUnpackedBytes: 8 * MiB, maxEntries: 10 };
const source = { file: 'people.xlsx', field: 'body' };

describe('checkZip', () => {
  it('passes a well-formed archive and returns what it unpacks to', async () => {
    const text = Buffer.from('<worksheet>hello</worksheet>');
    const zip = zipOf([
      { name: 'a.xml', data: deflateRawSync(text), declaredSize: text.length },
      { name: 'b.txt', data: text, method: 0, declaredSize: text.length },
    ]);
    expect(await checkZip(zip, limits, source)).toBe(2 * text.length);
    expect(zipEntries(zip, limits).map((e) => e.name)).toEqual(['a.xml', 'b.txt']);
  });

  it('refuses a bomb that declares its size, before inflating anything', async () => {
    const zip = zipOf([
      { name: 'xl/worksheets/sheet1.xml', data: bombData(emptyRows(), 20), declaredSize: 20 * MiB },
    ]);
    await expect(checkZip(zip, limits, source)).rejects.toMatchObject({
      code: 'RX_UNPACKED_TOO_LARGE',
      status: 413,
      field: 'body',
      params: { file: 'people.xlsx', limit: '8 MiB' },
    });
  });

  it('refuses a bomb that lies about its size, stopping at the limit (1.5 GiB in 2.3 MB)', async () => {
    expect(
      inflateRawSync(bombData(emptyRows(), 3)).equals(Buffer.concat([emptyRows(), emptyRows(), emptyRows()])),
    ).toBe(true);
    const data = bombData(emptyRows(), 1500);
    expect(data.length).toBeLessThan(3 * MiB);
    const zip = zipOf([{ name: 'xl/worksheets/sheet1.xml', data, declaredSize: 1000 }]);
    const error = await checkZip(zip, limits, source).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RX_UNPACKED_TOO_LARGE' });
    expect((error as Error).message).toMatch(
      /sheet1\.xml unpacks past the limit though it declares 1000 bytes/,
    );
  });

  it('refuses archives whose entries do not tile the file: hidden data, a lying offset, too many entries', async () => {
    const text = Buffer.from('x'.repeat(100));
    const entry = { name: 'a.xml', data: text, method: 0 as const, declaredSize: 100 };
    // Bytes between the last entry and the directory (a local entry a streaming reader would meet).
    const hidden = zipOf([entry], zipOf([{ ...entry, name: 'hidden.xml' }]).subarray(0, 140));
    await expect(checkZip(hidden, limits, source)).rejects.toMatchObject({
      code: 'RX_FILE_UNREADABLE',
      field: 'body',
    });
    const moved = zipOf([entry]);
    moved.writeUInt32LE(7, moved.length - 22 - 46 - 5 + 42); // the directory's local offset
    await expect(checkZip(moved, limits, source)).rejects.toMatchObject({ code: 'RX_FILE_UNREADABLE' });
    const many = zipOf(Array.from({ length: 11 }, (_, i) => ({ ...entry, name: `e${i}` })));
    await expect(checkZip(many, limits, source)).rejects.toMatchObject({ code: 'RX_UNPACKED_TOO_LARGE' });
    await expect(checkZip(Buffer.from('PK\x03\x04 not really'), limits, source)).rejects.toMatchObject({
      code: 'RX_FILE_UNREADABLE',
    });
  });

  it('refuses damaged compressed data as unreadable, not as a crash', async () => {
    const zip = zipOf([{ name: 'a.xml', data: Buffer.from([0xff, 0xff, 0xff, 0xff]), declaredSize: 10 }]);
    await expect(checkZip(zip, limits, source)).rejects.toMatchObject({ code: 'RX_FILE_UNREADABLE' });
  });
});
