import type { Lang } from './i18n/index.js';

/** A place's name in the console's language (the Chinese name when there is no English one). */
export const placeName = (p: { name: string; nameEn: string | null }, lang: Lang) =>
  lang === 'en' && p.nameEn ? p.nameEn : p.name;
