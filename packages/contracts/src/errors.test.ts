import { describe, expect, it } from 'vitest';
import { defineErrors, errorCatalogue, errorSpec, FieldError, invalid, RenxingError } from './errors.js';

describe('the error catalogue', () => {
  it('words a kernel error in each locale, with its status and code', () => {
    const e = new RenxingError('RX_UNKNOWN_PLACE', { place: 'cq.x' });
    expect(e.status).toBe(errorSpec('RX_UNKNOWN_PLACE').status);
    expect(e.message).toContain('cq.x');
    expect(e.localized('zh-CN').startsWith('RX_UNKNOWN_PLACE: ')).toBe(true);
    expect(e.text('zh-CN')).not.toBe(e.text('en'));
  });

  it('takes a module’s codes once, and refuses a code defined twice or badly named', () => {
    defineErrors('test-module', {
      RX_TEST_ONLY_CODE: { status: 418, en: 'teapot {n}', 'zh-CN': '茶壶 {n}' },
    });
    expect(errorCatalogue().get('RX_TEST_ONLY_CODE')).toMatchObject({ status: 418, module: 'test-module' });
    expect(() =>
      defineErrors('other', { RX_TEST_ONLY_CODE: { status: 400, en: 'x', 'zh-CN': 'x' } }),
    ).toThrow(/already defined/);
    expect(() => defineErrors('other', { rx_lower: { status: 400, en: 'x', 'zh-CN': 'x' } })).toThrow(
      /RX_NAME/,
    );
    expect(() => defineErrors('other', { RX_NOT_FOUND: { status: 400, en: 'x', 'zh-CN': 'x' } })).toThrow(
      /already defined/,
    );
  });

  it('words a parameter given per locale in the reader’s locale', () => {
    const e = invalid('body.note', { en: 'say why', 'zh-CN': '请说明原因' });
    expect(e).toBeInstanceOf(FieldError);
    expect(e.field).toBe('body.note');
    expect(e.text('en')).toContain('say why');
    expect(e.text('zh-CN')).toContain('请说明原因');
    expect(e.text('zh-CN')).not.toContain('say why');
  });

  it('reads a code no loaded module defines as an internal error naming it, not a crash', () => {
    const e = new RenxingError('RX_NEVER_DEFINED' as never);
    expect(e.status).toBe(500);
    expect(e.message).toContain('RX_NEVER_DEFINED');
  });
});
