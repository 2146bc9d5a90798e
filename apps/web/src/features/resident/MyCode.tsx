import { useT } from '../../i18n/index.js';

export function MyCode() {
  const t = useT();
  return (
    <div className="page">
      <h1>{t('me.title')}</h1>
      <p className="muted">{t('common.notLanded')}</p>
    </div>
  );
}
