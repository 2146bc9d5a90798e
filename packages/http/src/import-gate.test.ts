import { describe, expect, it } from 'vitest';
import { importGate } from './import-gate.js';

describe('importGate', () => {
  it('refuses a second import by the same user and any over the server bound, then lets them in', async () => {
    const gate = importGate(2);
    let finish!: () => void;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const first = gate.run('u1', () => held.then(() => 'u1 done'));
    await expect(gate.run('u1', async () => 'again')).rejects.toMatchObject({
      code: 'RX_IMPORT_BUSY',
      status: 429,
    });
    const second = gate.run('u2', () => held.then(() => 'u2 done'));
    expect(gate.running).toBe(2);
    await expect(gate.run('u3', async () => 'third')).rejects.toMatchObject({ code: 'RX_IMPORT_BUSY' });
    finish();
    expect(await Promise.all([first, second])).toEqual(['u1 done', 'u2 done']);
    expect(gate.running).toBe(0);
    expect(await gate.run('u1', async () => 'later')).toBe('later');
  });

  it('frees the place when the import fails', async () => {
    const gate = importGate(1);
    await expect(gate.run('u1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run('u1', async () => 'ok')).toBe('ok');
  });
});
