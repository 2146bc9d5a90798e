/**
 * The self-assessment screens' words: zh-CN first (assessment-words.zh-CN.ts, its keys are the
 * words), English the same keys (assessment-words.en.ts: the compiler checks it, and
 * assessment-words.test.ts the placeholders). `{name}` placeholders are filled in by
 * useAssessmentWords() (AssessmentShared.tsx).
 */
import { en } from './assessment-words.en.js';
import { type AssessmentWord, zhCN } from './assessment-words.zh-CN.js';

export type { AssessmentWord };

export const ASSESSMENT_WORDS: Record<'zh-CN' | 'en', Record<AssessmentWord, string>> = { 'zh-CN': zhCN, en };
