import { Link } from 'react-router';
import { useT } from './i18n/index.js';

/** Shown for unknown URLs, for sections the role may not open, and for anything the API answers 404. */
export function NotFound() {
  const t = useT();
  return (
    <div className="not-found" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </div>
  );
}
