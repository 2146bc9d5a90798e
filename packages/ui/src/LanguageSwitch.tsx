import { useId } from 'react';
import { type Lang, useI18n } from './i18n/index.js';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const id = useId();
  return (
    <div className="lang-switch">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select id={id} value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        <option value="zh-CN">{t('lang.zh-CN')}</option>
        <option value="en">{t('lang.en')}</option>
      </select>
    </div>
  );
}
