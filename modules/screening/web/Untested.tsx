/**
 * The untested list of a round, by community and household, for door-to-door work: pages on the
 * server, the whole list as XLSX (or CSV) for the community chosen, and an exemption (bedridden,
 * away, infant, other with a note) set on a person — undone at once if set by mistake.
 */
import { type ApiError, asApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Field, Loading, Pager } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, Fragment, useState } from 'react';
import {
  type CoverageRow,
  EXEMPT_REASONS,
  type ExemptReason,
  listUntested,
  setExemption,
  type UntestedPerson,
  untestedFileUrl,
} from './api.js';
import { useWords } from './dictionary.js';
import { useMay } from './shared.js';

const PAGE = 100;

interface Done {
  person: UntestedPerson;
  reason: ExemptReason | 'none';
}

function Exempt({
  person,
  onDone,
  onError,
  roundId,
}: {
  person: UntestedPerson;
  roundId: string;
  onDone: (done: Done) => void;
  onError: (e: ApiError) => void;
}) {
  const { t } = useWords();
  const [reason, setReason] = useState<ExemptReason | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason) return;
    setBusy(true);
    try {
      await setExemption(roundId, person.personId, { reason, note: note.trim() || undefined });
      onDone({ person, reason });
    } catch (err) {
      onError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="exempt" onSubmit={submit}>
      <select
        aria-label={t('untested.reason', { name: person.name })}
        value={reason}
        onChange={(e) => setReason(e.target.value as ExemptReason | '')}
      >
        <option value="">—</option>
        {EXEMPT_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`reason.${r}`)}
          </option>
        ))}
      </select>
      <input
        aria-label={t('untested.note', { name: person.name })}
        value={note}
        maxLength={1000}
        required={reason === 'other'}
        title={reason === 'other' ? t('untested.noteRequired') : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" disabled={busy || !reason}>
        {t('untested.exemptButton')}
      </button>
    </form>
  );
}

export function Untested({
  roundId,
  communities,
  under,
  onUnder,
  onChanged,
}: {
  roundId: string;
  communities: readonly CoverageRow[];
  under: string;
  onUnder: (path: string) => void;
  onChanged: () => void;
}) {
  const { t } = useWords();
  const may = useMay();
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const list = useApi(
    (signal) =>
      listUntested(roundId, { under: under || undefined, offset: (page - 1) * PAGE, limit: PAGE }, signal),
    [roundId, under, page],
  );
  const changed = (d: Done) => {
    setDone(d);
    setError(null);
    list.reload();
    onChanged();
  };
  async function undo(d: Done) {
    try {
      await setExemption(roundId, d.person.personId, { reason: 'none' });
      changed({ person: d.person, reason: 'none' });
    } catch (err) {
      setError(asApiError(err));
    }
  }
  const people = list.data?.people ?? [];
  const exempting = may('setScreeningExemption');
  // People come by community, then household: a heading row opens each household.
  const groupOf = (p: UntestedPerson) => `${p.community}|${p.householdId ?? `-${p.personId}`}`;
  const sizes = new Map<string, number>();
  for (const p of people) sizes.set(groupOf(p), (sizes.get(groupOf(p)) ?? 0) + 1);
  // The API names a household by its id only: its first member's address reads better at the door.
  const householdName = (p: UntestedPerson) =>
    p.householdId === null
      ? t('untested.noHousehold')
      : (p.address ?? t('untested.householdId', { id: p.householdId.slice(0, 8) }));
  const columns = [
    t('untested.name'),
    t('untested.phone'),
    t('untested.address'),
    ...(exempting ? [t('untested.exempt')] : []),
  ];
  return (
    <Card
      title={t('untested.title')}
      actions={
        <span className="row">
          <a
            className="button"
            href={untestedFileUrl(roundId, 'xlsx', under || undefined)}
            download
            aria-label={t('untested.downloadLabel')}
            data-testid="untested-xlsx"
          >
            {t('untested.download')}
          </a>
          <a
            className="button"
            href={untestedFileUrl(roundId, 'csv', under || undefined)}
            download
            aria-label={t('untested.downloadCsvLabel')}
          >
            {t('untested.downloadCsv')}
          </a>
        </span>
      }
    >
      <p className="muted small">{t('untested.lead')}</p>
      <div className="filters" id="untested">
        <Field label={t('untested.under')}>
          {(id) => (
            <select
              id={id}
              value={under}
              onChange={(e) => {
                setPage(1);
                onUnder(e.target.value);
              }}
            >
              <option value="">{t('untested.all')}</option>
              {communities
                .filter((c) => c.path !== '')
                .map((c) => (
                  <option key={c.path} value={c.path}>
                    {t('untested.option', { name: c.name, n: c.untested })}
                  </option>
                ))}
            </select>
          )}
        </Field>
      </div>
      {done ? (
        <p className="accepted" role="status" data-testid="exemption-done">
          {done.reason === 'none'
            ? t('untested.cleared', { name: done.person.name })
            : t('untested.exempted', { name: done.person.name, reason: t(`reason.${done.reason}`) })}{' '}
          {done.reason !== 'none' ? (
            <button type="button" className="link" onClick={() => undo(done)}>
              {t('untested.undo')}
            </button>
          ) : null}
        </p>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.data ? (
        <>
          <DataTable
            columns={columns}
            testId="untested"
            empty={people.length === 0 ? t('untested.none') : null}
          >
            {people.map((p, i) => {
              const group = groupOf(p);
              const opens = i === 0 || groupOf(people[i - 1]) !== group;
              return (
                <Fragment key={p.personId}>
                  {opens ? (
                    <tr className="household" data-household={p.householdId ?? ''}>
                      <th scope="rowgroup" colSpan={columns.length}>
                        {t('untested.householdHead', {
                          community: p.communityName,
                          household: householdName(p),
                          n: sizes.get(group) ?? 0,
                        })}
                      </th>
                    </tr>
                  ) : null}
                  <tr data-person={p.personId}>
                    <td>{p.name}</td>
                    <td className="mono">{p.phoneMasked ?? '—'}</td>
                    <td>{p.address ?? '—'}</td>
                    {exempting ? (
                      <td>
                        <Exempt person={p} roundId={roundId} onDone={changed} onError={setError} />
                      </td>
                    ) : null}
                  </tr>
                </Fragment>
              );
            })}
          </DataTable>
          <Pager
            page={page}
            hasNext={page * PAGE < list.data.total}
            onPage={setPage}
            total={list.data.total}
          />
        </>
      ) : null}
    </Card>
  );
}
