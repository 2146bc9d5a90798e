/**
 * How an item another area raised shows in the inbox: its origin's badge, its subject (name
 * linked to the person, phone masked) and its detail.
 */
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { ItemSubject, WorkItem } from './api.js';
import { usePlatformWords } from './platform-dictionary.js';
import { useShowValue } from './shared.js';

export function OriginBadge({ origin }: { origin: string }) {
  const words = usePlatformWords();
  return (
    <span className="badge origin" data-origin={origin}>
      {words.origin(origin)}
    </span>
  );
}

/** The subject's name, linked to the person's page (which shows more to those whose area holds them). */
export function SubjectName({ subject }: { subject: ItemSubject }) {
  return <Link to={`/people/${encodeURIComponent(subject.id)}`}>{subject.name}</Link>;
}

/** The facts of a platform item, for the item page's list of facts. */
export function PlatformFacts({ item }: { item: WorkItem & { origin: string } }) {
  const words = usePlatformWords();
  return (
    <>
      <dt>{words.t('origin')}</dt>
      <dd>
        <OriginBadge origin={item.origin} />
      </dd>
      <dt>{words.t('subject')}</dt>
      <dd data-testid="item-subject">
        {item.subject ? (
          <>
            <SubjectName subject={item.subject} />{' '}
            <span className="mono muted">{item.subject.phoneMasked ?? ''}</span>
          </>
        ) : (
          <span className="muted">{words.t('subject.none')}</span>
        )}
      </dd>
      <dt>{words.t('ref')}</dt>
      <dd className="mono">{item.originRef ?? '—'}</dd>
    </>
  );
}

/** What the area that raised the item tells the community, key by key. */
export function DetailList({ detail }: { detail: Record<string, unknown> }) {
  const words = usePlatformWords();
  const show = useShowValue();
  const entries = Object.entries(detail);
  if (entries.length === 0) return <p className="muted">—</p>;
  return (
    <dl className="facts" data-testid="item-detail">
      {entries.map(([key, value]) => (
        <Fragment key={key}>
          <dt>{words.detailLabel(key)}</dt>
          <dd data-detail={key}>
            {typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
              ? show(value)
              : JSON.stringify(value)}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}
