/**
 * The cases screens' own words on the console (the transmission chain's; the older screens' are in
 * the kit's dictionary): zh-CN first (words.zh-CN.ts, its keys are the words), English the same keys
 * (words.en.ts: the compiler checks it, and words.test.ts the placeholders). `{name}` placeholders
 * are filled in by useWords().
 */
import { en } from './words.en.js';
import { type Word, zhCN } from './words.zh-CN.js';

export type { Word };

export const WORDS: Record<'zh-CN' | 'en', Record<Word, string>> = { 'zh-CN': zhCN, en };
