import { describe, expect, it } from 'vitest';
import { WORDS } from './words.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the cases screens' words", () => {
  it('zh-CN and en have the same keys, none empty, with the same placeholders', () => {
    const zh = WORDS['zh-CN'];
    const en = WORDS.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(zh)) {
      const english = en[key as keyof typeof en];
      expect(text.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });
});
