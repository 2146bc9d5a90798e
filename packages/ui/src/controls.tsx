/** Small building blocks: every control carries a visible label. */

import { type ReactNode, useId } from 'react';
import { cityFormat } from './city-time.js';
import type { ApiError } from './client.js';
import { useI18n, useT } from './i18n/index.js';

export function Field({
  label,
  children,
  hint,
}: {
  label: string;
  hint?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint ? <small className="hint">{hint}</small> : null}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

export function ErrorNote({ error, onRetry }: { error: ApiError | Error; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="error" role="alert">
      <span>{t('common.error', { message: error.message })}</span>
      {onRetry ? (
        <button type="button" className="link" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Card({
  title,
  children,
  actions,
  className,
  labelledBy,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
  labelledBy?: string;
}) {
  const id = useId();
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={labelledBy ?? id}>
      <header className="card-head">
        <h2 id={labelledBy ?? id}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function ColourBadge({ colour }: { colour: 'green' | 'yellow' | 'red' }) {
  const t = useT();
  return <span className={`badge colour-${colour}`}>{t(`colour.${colour}`)}</span>;
}

export function Pager({
  page,
  hasNext,
  onPage,
  total,
}: {
  page: number;
  hasNext: boolean;
  onPage: (page: number) => void;
  total?: number;
}) {
  const t = useT();
  return (
    <nav className="pager" aria-label={t('common.page', { page })}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.prev')}
      </button>
      <span>{t('common.page', { page })}</span>
      {total !== undefined ? <span className="muted">{t('common.total', { total })}</span> : null}
      <button type="button" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

/** A date-time in the console's language, in the city's time zone (whatever the browser's). */
export function useFormatTime(): (iso: string | null | undefined) => string {
  const { lang } = useI18n();
  const f = cityFormat(lang, { dateStyle: 'short', timeStyle: 'short', hour12: false });
  return (iso) => (iso ? f.format(new Date(iso)) : '—');
}
