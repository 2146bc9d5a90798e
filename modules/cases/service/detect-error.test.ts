import { describe, expect, it } from 'vitest';
import { detectionErrorText } from './detect.js';

describe('a stored detection failure', () => {
  it('is worded in the reader’s language', () => {
    const stored = JSON.stringify({ code: 'RX_DETECTION_FAILED', params: { detail: 'disk full' } });
    expect(detectionErrorText(stored, 'en')).toBe('RX_DETECTION_FAILED: detection failed: disk full');
    expect(detectionErrorText(stored, 'zh-CN')).toBe('RX_DETECTION_FAILED: 时空伴随检测失败：disk full');
  });

  it('reads a failure written before codes were stored as it was written', () => {
    expect(detectionErrorText('no case 42', 'zh-CN')).toBe('no case 42');
    expect(detectionErrorText('{"x":1}', 'en')).toBe('{"x":1}');
  });
});
