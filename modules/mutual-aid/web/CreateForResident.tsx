/**
 * A request made by staff for a resident: find them (phone or name, the people register's search),
 * choose them, then the request's form with its duplicate check.
 */
import type { PersonHit } from '@renxing/ui/api-types';
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { listPeople } from '@renxing/ui/endpoints';
import { useState } from 'react';
import { AidForm } from './AidForm.js';
import type { Created } from './api.js';
import { useWords } from './dictionary.js';
import { useAction, useNeedName, useWindow } from './shared.js';

export function CreateForResident({ onCreated }: { onCreated: () => void }) {
  const { t } = useWords();
  const needName = useNeedName();
  const window = useWindow();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<PersonHit[] | null>(null);
  const [person, setPerson] = useState<PersonHit | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const action = useAction();
  const find = action.submit(async () => {
    setHits((await listPeople({ q: q.trim(), limit: 10 })).people);
  });
  const created = (result: Created) => {
    const r = result.request;
    setSaid(
      result.created
        ? t('create.done', { need: needName(r.need), window: window(r.from, r.to) })
        : t('create.duplicateSaved', { state: t(`state.${r.state}`), window: window(r.from, r.to) }),
    );
    onCreated();
  };
  return (
    <Card title={t('create.title')}>
      <p className="muted small">{t('create.lead')}</p>
      {person ? (
        <div className="stack">
          <p className="row picked" data-testid="aid-requester" data-person={person.id}>
            <strong>{t('create.picked', { name: person.name, address: person.homePlaceName })}</strong>
            <button
              type="button"
              className="link"
              onClick={() => {
                setPerson(null);
                setSaid(null);
              }}
            >
              {t('create.change')}
            </button>
          </p>
          <AidForm personId={person.id} onCreated={created} />
        </div>
      ) : (
        <>
          <form className="row" onSubmit={find} aria-label={t('create.find')}>
            <Field label={t('create.person')}>
              {(id) => (
                <input
                  id={id}
                  type="search"
                  required
                  maxLength={50}
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                />
              )}
            </Field>
            <button type="submit" disabled={action.busy || !q.trim()}>
              {t('create.find')}
            </button>
          </form>
          {action.error ? <ErrorNote error={action.error} /> : null}
          {hits && hits.length === 0 ? <p className="muted">{t('create.noPerson')}</p> : null}
          {hits && hits.length > 0 ? (
            <ul className="hits">
              {hits.map((h) => (
                <li key={h.id}>
                  <button
                    type="button"
                    onClick={() => setPerson(h)}
                    aria-label={t('create.pick', { name: h.name })}
                  >
                    {h.name}
                  </button>{' '}
                  <span className="muted small">
                    {h.phoneMasked ?? ''} · {h.homePlaceName}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      {said ? (
        <p role="status" className="ok" data-testid="aid-created">
          {said}
        </p>
      ) : null}
    </Card>
  );
}
