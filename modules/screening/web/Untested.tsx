/**
 * A round's people to visit, by community and household, for door-to-door work: the untested (each
 * one exempted with a reason where it applies) and, on the other tab, those exempted with their
 * reasons and notes, each exemption cleared with a click. Pages come from the server; the whole
 * list, for the community chosen, as XLSX (or CSV).
 */
import { Card, ErrorNote, Field, Loading, Pager } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { Fragment, type ReactNode, useState } from 'react';
import {
  type CoverageRow,
  LIST_STATUSES,
  type ListStatus,
  listUntested,
  type UntestedPerson,
  untestedFileUrl,
} from './api.js';
import { useWords } from './dictionary.js';
import { ClearExemption, ExemptForm, ExemptionDone, type Exemptions, useExemptions } from './Exemptions.js';
import { useMay } from './shared.js';

const PAGE = 100;

function Downloads({ roundId, under, status }: { roundId: string; under: string; status: ListStatus }) {
  const { t } = useWords();
  const list = t(`untested.list.${status}`);
  return (
    <span className="row">
      {(['xlsx', 'csv'] as const).map((format) => (
        <a
          key={format}
          className="button"
          href={untestedFileUrl(roundId, format, under || undefined, status)}
          download
          aria-label={t('untested.downloadLabel', { list, format: format.toUpperCase() })}
          data-testid={`untested-${format}`}
        >
          {t('untested.download', { format: format.toUpperCase() })}
        </a>
      ))}
    </span>
  );
}

/** The people of a page, a heading row opening each household (they come by community, then household). */
function Households({
  people,
  columns,
  cells,
}: {
  people: readonly UntestedPerson[];
  columns: number;
  cells: (p: UntestedPerson) => ReactNode;
}) {
  const { t } = useWords();
  const groupOf = (p: UntestedPerson) => `${p.community}|${p.householdId ?? `-${p.personId}`}`;
  const sizes = new Map<string, number>();
  for (const p of people) sizes.set(groupOf(p), (sizes.get(groupOf(p)) ?? 0) + 1);
  return people.map((p, i) => {
    const group = groupOf(p);
    return (
      <Fragment key={p.personId}>
        {i === 0 || groupOf(people[i - 1]) !== group ? (
          <tr className="household" data-household={p.householdId ?? ''}>
            <th scope="rowgroup" colSpan={columns}>
              {t('untested.householdHead', {
                community: p.communityName,
                household: (p.householdId !== null && p.household) || t('untested.noHousehold'),
                n: sizes.get(group) ?? 0,
              })}
            </th>
          </tr>
        ) : null}
        <tr data-person={p.personId}>
          <td>{p.name}</td>
          <td className="mono">{p.phoneMasked ?? '—'}</td>
          <td>{p.address ?? '—'}</td>
          {cells(p)}
        </tr>
      </Fragment>
    );
  });
}

/** The columns after name, phone and address on each tab, and their cells. */
function useExtraColumns(status: ListStatus, exemptions: Exemptions) {
  const { t } = useWords();
  const exempting = useMay()('setScreeningExemption');
  if (status === 'untested') {
    return {
      columns: exempting ? [t('untested.exempt')] : [],
      cells: (p: UntestedPerson) =>
        exempting ? (
          <td>
            <ExemptForm person={p} exemptions={exemptions} />
          </td>
        ) : null,
    };
  }
  return {
    columns: [
      t('untested.exemptReason'),
      t('untested.exemptNote'),
      ...(exempting ? [t('untested.clearHead')] : []),
    ],
    cells: (p: UntestedPerson) => (
      <>
        <td>{p.exemptReason ? t(`reason.${p.exemptReason}`) : '—'}</td>
        <td>{p.exemptNote ?? '—'}</td>
        {exempting ? (
          <td>
            <ClearExemption person={p} exemptions={exemptions} />
          </td>
        ) : null}
      </>
    ),
  };
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
  const [status, setStatus] = useState<ListStatus>('untested');
  const [page, setPage] = useState(1);
  const list = useApi(
    (signal) =>
      listUntested(
        roundId,
        { status, under: under || undefined, offset: (page - 1) * PAGE, limit: PAGE },
        signal,
      ).then((data) => ({ ...data, status })),
    [roundId, under, page, status],
  );
  const exemptions = useExemptions(roundId, () => {
    list.reload();
    onChanged();
  });
  // The table follows the list it shows (the tab's own once loaded).
  const listed = list.data?.status ?? status;
  const extra = useExtraColumns(listed, exemptions);
  const columns = [t('untested.name'), t('untested.phone'), t('untested.address'), ...extra.columns];
  // Each tab's count for the community chosen (all of them by default), from the coverage.
  const shown = communities.filter((c) => !under || c.path === under);
  const count = (s: ListStatus) =>
    shown.reduce((n, c) => n + (s === 'untested' ? c.untested : c.exempt), 0).toLocaleString();
  const people = list.data?.people ?? [];
  return (
    <Card title={t('untested.title')} actions={<Downloads roundId={roundId} under={under} status={status} />}>
      <div className="list-tabs" role="tablist" aria-label={t('untested.tabs')}>
        {LIST_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={status === s}
            data-status={s}
            onClick={() => {
              setStatus(s);
              setPage(1);
            }}
          >
            {t(`untested.tab.${s}`, { n: count(s) })}
          </button>
        ))}
      </div>
      <p className="muted small">{t(`untested.lead.${status}`)}</p>
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
      <ExemptionDone exemptions={exemptions} />
      {exemptions.action.error ? <ErrorNote error={exemptions.action.error} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.data ? (
        <div role="tabpanel" data-status={listed}>
          <DataTable
            columns={columns}
            testId={listed === 'untested' ? 'untested' : 'exempted'}
            empty={people.length === 0 ? t(`untested.none.${listed}`) : null}
          >
            <Households people={people} columns={columns.length} cells={extra.cells} />
          </DataTable>
          <Pager
            page={page}
            hasNext={page * PAGE < list.data.total}
            onPage={setPage}
            total={list.data.total}
          />
        </div>
      ) : null}
    </Card>
  );
}
