/**
 * The infrastructure network (基础设施网络): totals, the map by kind — links, single points of
 * failure from the stored N-1 analysis, assets with open alarms, offline assets — live (asked again
 * every 10 s), a filter of kinds, the list of assets each linking to its page, and, for those who
 * keep the network, the import of assets and links.
 */
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ASSET_TYPES, type Asset, getN1Analysis, listAssets } from './api.js';
import { useWords } from './dictionary.js';
import { ImportNetwork } from './ImportNetwork.js';
import { assetHref } from './index.js';
import { kindColour, sortKinds } from './kinds.js';
import { spofsOf } from './losses.js';
import { NetworkMap } from './NetworkMap.js';
import { AssetState, Figures, KindBadge, useKindName, useLive, useMay } from './shared.js';
import './infrastructure.css';

/** The most rows the list shows at once. */
const MAX_ROWS = 200;

function KindFilter({
  kinds,
  counts,
  hidden,
  onHidden,
}: {
  kinds: readonly string[];
  counts: ReadonlyMap<string, number>;
  hidden: ReadonlySet<string>;
  onHidden: (hidden: Set<string>) => void;
}) {
  const { t } = useWords();
  const kindName = useKindName();
  return (
    <fieldset className="group kind-filter">
      <legend>{t('network.kinds')}</legend>
      <div className="row">
        {kinds.map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={!hidden.has(k)}
              data-kind={k}
              onChange={(e) => {
                const next = new Set(hidden);
                if (e.target.checked) next.delete(k);
                else next.add(k);
                onHidden(next);
              }}
            />
            <span className="swatch" style={{ background: kindColour(k) }} aria-hidden="true" />
            {t('network.kindOption', { kind: kindName(k), n: counts.get(k) ?? 0 })}
          </label>
        ))}
        <button
          type="button"
          className="link"
          disabled={hidden.size === 0}
          onClick={() => onHidden(new Set())}
        >
          {t('network.allKinds')}
        </button>
      </div>
    </fieldset>
  );
}

function AssetTable({
  assets,
  spofs,
  any,
}: {
  assets: readonly Asset[];
  spofs: ReadonlySet<string>;
  /** Whether the network has any asset at all (else the list says to import some). */
  any: boolean;
}) {
  const { t } = useWords();
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const matching = needle
    ? assets.filter((a) => a.name.toLowerCase().includes(needle) || a.id.toLowerCase().includes(needle))
    : assets;
  const rows = matching.slice(0, MAX_ROWS);
  return (
    <>
      <form className="row filter" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('network.q')}>
          {(id) => (
            <input id={id} type="search" maxLength={100} value={q} onChange={(e) => setQ(e.target.value)} />
          )}
        </Field>
      </form>
      <DataTable
        testId="assets"
        columns={[
          t('network.name'),
          t('network.kind'),
          t('network.type'),
          t('network.community'),
          t('network.population'),
          t('network.state'),
        ]}
        empty={!any ? t('network.none') : rows.length === 0 ? t('network.noMatch') : null}
      >
        {rows.map((a) => (
          <tr key={a.id} data-asset={a.id} data-working={a.working ? 'true' : 'false'}>
            <td>
              <Link to={assetHref(a.id)}>{a.name}</Link>
              <span className="muted small mono"> {a.id}</span>
              {spofs.has(a.id) ? <span className="badge spof"> {t('map.spof')}</span> : null}
            </td>
            <td>
              <KindBadge kind={a.kind} />
            </td>
            <td>{t(`type.${a.type}`)}</td>
            <td>{a.type === 'sink' ? (a.communityName ?? '—') : '—'}</td>
            <td className="num">{a.type === 'sink' ? a.population.toLocaleString() : '—'}</td>
            <td>
              <AssetState asset={a} />
            </td>
          </tr>
        ))}
      </DataTable>
      {matching.length > rows.length ? (
        <p className="muted small">{t('network.more', { shown: rows.length, total: matching.length })}</p>
      ) : null}
    </>
  );
}

export function NetworkPage() {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const list = useLive((signal) => listAssets({}, signal), []);
  // The stored analysis; none yet is no error to show here.
  const n1 = useLive((signal) => getN1Analysis(signal).catch(() => undefined), []);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const data = list.data;
  const spofs = useMemo(() => spofsOf(n1.data), [n1.data]);
  const kinds = useMemo(
    () => sortKinds([...(data?.kinds ?? []), ...(data?.assets ?? []).map((a) => a.kind)]),
    [data],
  );
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const a of data?.assets ?? []) m.set(a.kind, (m.get(a.kind) ?? 0) + 1);
    return m;
  }, [data]);
  const shownKinds = useMemo(() => new Set(kinds.filter((k) => !hidden.has(k))), [kinds, hidden]);
  const shown = useMemo(
    () =>
      (data?.assets ?? [])
        .filter((a) => shownKinds.has(a.kind))
        .sort(
          (a, b) =>
            kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
            ASSET_TYPES.indexOf(a.type) - ASSET_TYPES.indexOf(b.type) ||
            a.name.localeCompare(b.name, 'zh-CN'),
        ),
    [data, shownKinds, kinds],
  );
  const assets = data?.assets ?? [];
  return (
    <div className="page infrastructure">
      <h1>{t('network.title')}</h1>
      <p className="muted">{t('network.lead')}</p>
      <Card
        title={t('network.totals')}
        actions={
          <span className="muted small" data-testid="n1-at">
            {n1.data?.computedAt
              ? t('network.n1At', { time: time(n1.data.computedAt) })
              : t('network.n1None')}
          </span>
        }
      >
        <Figures
          testId="network-totals"
          figures={[
            { key: 'assets', label: t('network.assets'), value: data?.assets.length },
            { key: 'links', label: t('network.links'), value: data?.links.length },
            {
              key: 'people',
              label: t('network.people'),
              value: data
                ? assets.reduce((n, a) => n + (a.type === 'sink' ? a.population : 0), 0)
                : undefined,
            },
            {
              key: 'spofs',
              label: t('network.spofs'),
              value: data ? spofs.size : undefined,
              tone: 'overdue',
            },
            {
              key: 'alarms',
              label: t('network.openAlarms'),
              value: data ? assets.reduce((n, a) => n + a.openAlarms, 0) : undefined,
              tone: 'overdue',
            },
            {
              key: 'offline',
              label: t('network.offline'),
              value: data ? assets.filter((a) => a.offline).length : undefined,
            },
          ]}
        />
      </Card>
      {list.loading && !data ? <Loading /> : null}
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {data && data.assets.length > 0 ? (
        <Card title={t('network.map')}>
          <KindFilter kinds={kinds} counts={counts} hidden={hidden} onHidden={setHidden} />
          <NetworkMap assets={data.assets} links={data.links} kinds={shownKinds} spofs={spofs} />
        </Card>
      ) : null}
      {data ? (
        <Card title={t('network.table')}>
          <AssetTable assets={shown} spofs={spofs} any={assets.length > 0} />
        </Card>
      ) : null}
      {may('importAssets') ? (
        <ImportNetwork
          onImported={() => {
            list.reload();
            n1.reload();
          }}
        />
      ) : null}
    </div>
  );
}
