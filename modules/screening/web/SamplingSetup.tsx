/**
 * Where a phone samples: the round (one open now) and its site, chosen once and remembered on this
 * device; and what a scanned or typed text names.
 */
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useEffect, useState } from 'react';
import { getRound, listRounds, type PersonScan } from './api.js';
import { useWords } from './dictionary.js';
import { type FieldProps, SelectField } from './fields.js';

const SETUP_KEY = 'rx.screening.sampling';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_NUMBER = /^[0-9]{17}[0-9Xx]$/;
const PHONE = /^\+?[0-9][0-9 -]{3,22}[0-9]$/;

/** What a scanned or typed text names: an 18-character ID number, a phone, a registry id, else a health-code token. */
export function guessPerson(text: string): {
  kind: 'idNumber' | 'phone' | 'id' | 'token';
  person: PersonScan;
} {
  const s = text.trim();
  if (ID_NUMBER.test(s)) return { kind: 'idNumber', person: { idNumber: s.toUpperCase() } };
  if (UUID.test(s)) return { kind: 'id', person: { id: s.toLowerCase() } };
  if (PHONE.test(s)) return { kind: 'phone', person: { phone: s } };
  return { kind: 'token', person: { token: s } };
}

export interface Setup {
  roundId: string;
  siteId: string;
}

export function readSetup(): Setup | null {
  try {
    const s = JSON.parse(localStorage.getItem(SETUP_KEY) ?? 'null') as Setup | null;
    return s && typeof s.roundId === 'string' && typeof s.siteId === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function writeSetup(s: Setup | null): void {
  try {
    if (s) localStorage.setItem(SETUP_KEY, JSON.stringify(s));
    else localStorage.removeItem(SETUP_KEY);
  } catch {
    // not remembered on this device; still used now
  }
}

/** One of `choices` (required), by its id. */
function ChoiceField({
  choices,
  ...field
}: FieldProps & { choices: readonly { id: string; name: string }[] }) {
  const { t } = useWords();
  return (
    <SelectField {...field} none={t('sample.choose')}>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );
}

/** Choosing the round (those open now) and its site. */
export function Choose({ onChosen }: { onChosen: (s: Setup) => void }) {
  const { t } = useWords();
  const rounds = useApi((signal) => listRounds(signal), []);
  const now = Date.now();
  const open = (rounds.data ?? []).filter((r) => Date.parse(r.from) <= now && now <= Date.parse(r.to));
  const [roundId, setRoundId] = useState('');
  const round = useApi(
    (signal) => (roundId ? getRound(roundId, signal) : Promise.resolve(undefined)),
    [roundId],
  );
  const [siteId, setSiteId] = useState('');
  const sites = round.data?.sites ?? [];
  useEffect(() => {
    if (!roundId && open.length === 1) setRoundId(open[0].id);
  }, [roundId, open]);
  useEffect(() => {
    if (sites.length === 1) setSiteId(sites[0].id);
  }, [sites]);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (roundId && siteId) onChosen({ roundId, siteId });
  }
  return (
    <Card title={t('sample.setup')}>
      {rounds.loading ? <Loading /> : null}
      {rounds.error ? <ErrorNote error={rounds.error} onRetry={rounds.reload} /> : null}
      {rounds.data && open.length === 0 ? <p className="muted">{t('sample.noRounds')}</p> : null}
      <form className="stack scan-form" onSubmit={submit} aria-label={t('sample.setup')}>
        <ChoiceField
          label={t('sample.round')}
          value={roundId}
          choices={open}
          onValue={(id) => {
            setRoundId(id);
            setSiteId('');
          }}
        />
        <ChoiceField label={t('sample.site')} value={siteId} choices={sites} onValue={setSiteId} />
        {round.data && sites.length === 0 ? <p className="muted">{t('sample.noSites')}</p> : null}
        <button type="submit" className="primary big" disabled={!roundId || !siteId}>
          {t('sample.start')}
        </button>
      </form>
    </Card>
  );
}
