import { useT } from '../../i18n/index.js';

export function CasesPage() {
  const t = useT();
  return (
    <div className="page">
      <h1>{t('cases.title')}</h1>
      <p className="muted">{t('common.notLanded')}</p>
    </div>
  );
}
