/** The retention setting: RENXING_STREAM_RETENTION_DAYS, its default, checks and the streams' max_age. */
import { DEFAULT_PARAMS } from '@renxing/engine';
import { describe, expect, it } from 'vitest';
import { checkStreamConfig, retentionDaysOf, streamConfigFromEnv, streamMaxAgeNanos } from './config.js';

const params = { ...DEFAULT_PARAMS };
const env = (more: Record<string, string>) => ({ RENXING_NATS_URL: 'nats://127.0.0.1:4222', ...more });

describe('retention configuration', () => {
  it('defaults to 21 days, like RENXING_RETENTION_DAYS, and reads RENXING_STREAM_RETENTION_DAYS', () => {
    const cfg = streamConfigFromEnv(env({}), params);
    expect(cfg?.retentionDays).toBe(21);
    expect(streamMaxAgeNanos(cfg!)).toBe(22 * 86400 * 1e9);
    expect(streamConfigFromEnv(env({ RENXING_STREAM_RETENTION_DAYS: '14' }), params)?.retentionDays).toBe(14);
    // A configuration built by hand without it gets the default.
    const { retentionDays: _, ...bare } = cfg!;
    expect(retentionDaysOf(bare)).toBe(21);
  });

  it('refuses a window that is not a whole number of days ≥ 1', () => {
    for (const bad of ['0', '-3', '1.5', 'x'])
      expect(() => streamConfigFromEnv(env({ RENXING_STREAM_RETENTION_DAYS: bad }), params)).toThrow(
        expect.objectContaining({ code: 'RX_STREAM_CONFIG' }),
      );
    const cfg = streamConfigFromEnv(env({}), params)!;
    expect(() => checkStreamConfig({ ...cfg, retentionDays: 0 })).toThrow(
      expect.objectContaining({ code: 'RX_STREAM_CONFIG' }),
    );
  });
});
