/** A tube looked up by its barcode: its size, members, times, result and round. */
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useCan } from '@renxing/ui/sections';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { getRound, getTube, type TubeView } from './api.js';
import { useWords } from './dictionary.js';
import { roundHref } from './index.js';

function TubeFacts({ tube }: { tube: TubeView }) {
  const { t } = useWords();
  const time = useFormatTime();
  const user = useUser();
  const can = useCan();
  const people = can(user.role, 'people');
  const roundId = tube.roundId;
  const round = useApi(
    (signal) => (roundId ? getRound(roundId, signal) : Promise.resolve(undefined)),
    [roundId],
  );
  const result = tube.result ? t(`result.${tube.result}`) : t('result.pending');
  return (
    <div className="stack" data-testid="tube" data-result={tube.result ?? 'pending'}>
      <dl className="facts">
        <dt>{t('tube.barcode')}</dt>
        <dd className="mono">{tube.barcode}</dd>
        <dt>{t('tube.k')}</dt>
        <dd>{tube.k === 1 ? t('pool.single') : t('pool.k', { k: tube.k })}</dd>
        <dt>{t('tube.members')}</dt>
        <dd>
          {tube.members} / {tube.k}
        </dd>
        <dt>{t('tube.sampledAt')}</dt>
        <dd>{time(tube.sampledAt)}</dd>
        <dt>{t('tube.sealedAt')}</dt>
        <dd>{tube.sealedAt ? time(tube.sealedAt) : t('tube.notSealed')}</dd>
        <dt>{t('tube.result')}</dt>
        <dd>
          <span className={`badge result-${tube.result ?? 'pending'}`}>{result}</span>
        </dd>
        <dt>{t('tube.reportedAt')}</dt>
        <dd>{time(tube.reportedAt)}</dd>
        {roundId ? (
          <>
            <dt>{t('tube.round')}</dt>
            <dd>
              <Link to={roundHref(roundId)}>{round.data?.round.name ?? roundId.slice(0, 8)}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <DataTable columns={[t('tube.position'), t('tube.name'), t('tube.scannedAt')]} testId="tube-people">
        {tube.people.map((p) => (
          <tr key={p.personId}>
            <td>{p.position}</td>
            <td>{people ? <Link to={`/people/${p.personId}`}>{p.name}</Link> : p.name}</td>
            <td className="nowrap">{time(p.scannedAt)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

export function TubeLookup() {
  const { t } = useWords();
  const [text, setText] = useState('');
  const [barcode, setBarcode] = useState('');
  const tube = useApi(
    (signal) => (barcode ? getTube(barcode, signal) : Promise.resolve(undefined)),
    [barcode],
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    setBarcode(text.trim());
  }
  return (
    <Card title={t('tube.title')}>
      <form className="filters" onSubmit={submit} aria-label={t('tube.title')}>
        <Field label={t('tube.barcode')}>
          {(id) => (
            <input id={id} required maxLength={64} value={text} onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('tube.find')}
          </button>
        </div>
      </form>
      {barcode && tube.loading ? <Loading /> : null}
      {tube.error ? <ErrorNote error={tube.error} /> : null}
      {tube.data && !tube.loading ? <TubeFacts tube={tube.data} /> : null}
    </Card>
  );
}
