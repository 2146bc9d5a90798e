import { describe, expect, it } from 'vitest';
import { csvField, isFormulaLike, neutralised } from './csv.js';

describe('spreadsheet cells', () => {
  it("prefix ' to cells starting with = + - @ tab or CR (OWASP), and nothing else", () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(isFormulaLike(s), s).toBe(true);
      expect(neutralised(s)).toBe(`'${s}`);
    }
    for (const s of ['', '13800000001', 'a=1', '张三', ' =1', "'=1"]) expect(neutralised(s), s).toBe(s);
  });

  it('quote after neutralising, so the prefix sits inside the quotes', () => {
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(42)).toBe('42');
    expect(csvField('-5')).toBe("'-5");
  });
});
