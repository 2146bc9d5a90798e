/** Laboratories and health officers record PCR results; each is applied to the person's code at once. */

import type { RecordedTest } from '@renxing/ui/api-types';
import { localToIso } from '@renxing/ui/city-time';
import { type ApiError, asApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { recordTestResult } from '@renxing/ui/endpoints';
import { useT } from '@renxing/ui/i18n';
import { useCan } from '@renxing/ui/sections';
import { useUser } from '@renxing/ui/session';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';

export function TestsPage() {
  const t = useT();
  const user = useUser();
  const can = useCan();
  const [personId, setPersonId] = useState('');
  const [result, setResult] = useState<'negative' | 'positive'>('negative');
  const [sampledAt, setSampledAt] = useState('');
  const [lab, setLab] = useState('');
  const [sampleId, setSampleId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<RecordedTest | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const recorded = await recordTestResult({
        personId: personId.trim(),
        result,
        sampledAt: localToIso(sampledAt) ?? new Date().toISOString(),
        lab: lab.trim(),
        sampleId: sampleId.trim(),
      });
      setDone(recorded);
      setSampleId('');
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <h1>{t('tests.title')}</h1>
      <Card title={t('tests.record')}>
        <form className="form-grid" onSubmit={submit} aria-label={t('tests.record')}>
          <Field label={t('tests.person')}>
            {(id) => (
              <input id={id} required value={personId} onChange={(e) => setPersonId(e.target.value)} />
            )}
          </Field>
          <Field label={t('tests.result')}>
            {(id) => (
              <select id={id} value={result} onChange={(e) => setResult(e.target.value as typeof result)}>
                <option value="negative">{t('tests.result.negative')}</option>
                <option value="positive">{t('tests.result.positive')}</option>
              </select>
            )}
          </Field>
          <Field label={t('tests.sampledAt')}>
            {(id) => (
              <input
                id={id}
                type="datetime-local"
                required
                value={sampledAt}
                onChange={(e) => setSampledAt(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('tests.lab')}>
            {(id) => <input id={id} required value={lab} onChange={(e) => setLab(e.target.value)} />}
          </Field>
          <Field label={t('tests.sampleId')}>
            {(id) => (
              <input id={id} required value={sampleId} onChange={(e) => setSampleId(e.target.value)} />
            )}
          </Field>
          <div>
            <button type="submit" className="primary" disabled={busy}>
              {t('tests.submit')}
            </button>
          </div>
        </form>
        {done ? (
          <p className="ok" role="status" data-testid="recorded" data-colour={done.colour}>
            {t('tests.recorded', { colour: t(`colour.${done.colour}`) })}{' '}
            {can(user.role, 'people') ? (
              <Link to={`/people/${done.testResult.personId}`}>{t('person.title')}</Link>
            ) : null}
          </p>
        ) : null}
        {error ? <ErrorNote error={error} /> : null}
      </Card>
    </div>
  );
}
