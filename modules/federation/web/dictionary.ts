/**
 * Federation's words in the console's language (the same switch as every screen's).
 */
import { fill, type Lang, useI18n } from '@renxing/ui/i18n';
import { useMemo } from 'react';
import { WORDS, type Word } from './words.js';

export type { Word };

export interface FederationWords {
  lang: Lang;
  t: (word: Word, params?: Record<string, string | number>) => string;
}

export function useWords(): FederationWords {
  const { lang } = useI18n();
  return useMemo(() => {
    const dict = WORDS[lang];
    return { lang, t: (word, params) => fill(dict[word], params) };
  }, [lang]);
}
