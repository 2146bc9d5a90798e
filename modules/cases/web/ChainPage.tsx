/**
 * A case's transmission chain (传播链, /cases/:id/chain): the graph of companions of companions to
 * the depth chosen, filtered by when people were exposed and where they live, with the evidence of
 * a node or a line beside it. The depth applies at once; the range and the place with 应用.
 */

import { localToIso } from '@renxing/ui/city-time';
import { ApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { getCase, listPlaces } from '@renxing/ui/endpoints';
import { NotFound } from '@renxing/ui/NotFound';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ChainGraph, ChainLegend, edgeKey, type Selection } from './ChainGraph.js';
import { type Chain, type ChainQuery, DEPTHS, getTransmissionChain } from './chain-api.js';
import { useWords } from './dictionary.js';
import './chain.css';

interface Range {
  from: string;
  to: string;
  place: string;
}

const NO_RANGE: Range = { from: '', to: '', place: '' };

function Evidence({ chain, selected }: { chain: Chain; selected: Selection }) {
  const { t } = useWords();
  const time = useFormatTime();
  const nodes = new Map(chain.nodes.map((n) => [n.id, n]));
  const label = (id: string) => nodes.get(id)?.label ?? id;
  const edges =
    selected?.kind === 'edge'
      ? chain.edges.filter((e) => edgeKey(e) === selected.id)
      : chain.edges.filter((e) => selected?.kind === 'node' && e.to === selected.id);
  const node = selected?.kind === 'node' ? nodes.get(selected.id) : undefined;
  return (
    <Card title={t('chain.evidence')} className="chain-evidence">
      {!selected ? <p className="muted">{t('chain.evidenceHint')}</p> : null}
      {node ? (
        <dl className="facts" data-testid="chain-node-facts">
          <dt>{t('chain.nodes')}</dt>
          <dd>{node.label}</dd>
          <dt>{t('chain.depth')}</dt>
          <dd>
            {node.generation === 0 ? t('chain.generation0') : t('chain.generation', { n: node.generation })}
          </dd>
          <dt>{t('chain.exposure')}</dt>
          <dd>{node.exposure ? time(node.exposure) : t('chain.unbounded')}</dd>
          {node.homePlaceName ? (
            <>
              <dt>{t('chain.home')}</dt>
              <dd>{node.homePlaceName}</dd>
            </>
          ) : null}
          {node.personId ? (
            <>
              <dt>{t('chain.person')}</dt>
              <dd>
                <Link to={`/people/${node.personId}`}>{node.name ?? node.label}</Link>
              </dd>
            </>
          ) : null}
          {node.kind === 'handoff' ? (
            <>
              <dt>{t('chain.city')}</dt>
              <dd>{node.city ?? '—'}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {edges.length > 0 ? (
        <>
          {node ? <h3>{t('chain.sources')}</h3> : null}
          <ul className="chain-hops" data-testid="chain-evidence">
            {edges.map((e) => (
              <li key={edgeKey(e)}>
                <strong>
                  {label(e.from)} → {label(e.to)}
                </strong>
                <span>
                  {t('chain.cell')} <span className="mono">{e.cell}</span>
                </span>
                <span>
                  {t('chain.overlap')} {time(e.overlapStart)} – {time(e.overlapEnd)}
                </span>
                <span>{t('chain.minutes', { n: Math.round(e.seconds / 60) })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

export function ChainPage() {
  const { t } = useWords();
  const { id = '' } = useParams();
  const [depth, setDepth] = useState<number>(2);
  const [draft, setDraft] = useState<Range>(NO_RANGE);
  const [range, setRange] = useState<Range>(NO_RANGE);
  const [selected, setSelected] = useState<Selection>(null);
  const kase = useApi((signal) => getCase(id, signal), [id]);
  const places = useApi((signal) => listPlaces({}, signal), []);
  const query: ChainQuery = {
    depth,
    from: localToIso(range.from),
    to: localToIso(range.to),
    place: range.place || undefined,
  };
  const chain = useApi((signal) => getTransmissionChain(id, query, signal), [id, depth, range]);
  if (kase.error instanceof ApiError && (kase.error.notFound || kase.error.status === 400))
    return <NotFound />;

  function apply(e: FormEvent) {
    e.preventDefault();
    setRange(draft);
    setSelected(null);
  }

  const data = chain.data;
  return (
    <div className="page chain-page">
      <p>
        <Link to={`/cases/${encodeURIComponent(id)}`}>← {t('chain.back')}</Link>
      </p>
      <h1>
        {t('chain.title')} {kase.data?.label ?? ''}
      </h1>
      <p className="muted">{t('chain.lead')}</p>
      <form className="filters" onSubmit={apply} aria-label={t('chain.filters')}>
        <Field label={t('chain.depth')}>
          {(fid) => (
            <select
              id={fid}
              value={depth}
              onChange={(e) => {
                setDepth(Number(e.target.value));
                setSelected(null);
              }}
            >
              {DEPTHS.map((n) => (
                <option key={n} value={n}>
                  {t('chain.depthOption', { n })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('chain.from')}>
          {(fid) => (
            <input
              id={fid}
              type="datetime-local"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('chain.to')}>
          {(fid) => (
            <input
              id={fid}
              type="datetime-local"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('chain.place')}>
          {(fid) => (
            <select
              id={fid}
              value={draft.place}
              onChange={(e) => setDraft({ ...draft, place: e.target.value })}
            >
              <option value="">{t('chain.anyPlace')}</option>
              <PlaceOptions places={places.data} />
            </select>
          )}
        </Field>
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('chain.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(NO_RANGE);
              setRange(NO_RANGE);
              setSelected(null);
            }}
          >
            {t('chain.clear')}
          </button>
        </div>
      </form>
      {chain.loading ? <Loading /> : null}
      {chain.error ? <ErrorNote error={chain.error} onRetry={chain.reload} /> : null}
      {data ? (
        <div className="chain-layout">
          <Card
            title={`${t('chain.title')} (${t('chain.nodes')} ${data.nodes.length} · ${t('chain.edges')} ${data.edges.length})`}
          >
            <ChainLegend />
            {data.truncated ? (
              <p className="chain-truncated" role="status">
                {t('chain.truncated', { shown: data.nodes.length, total: data.total.nodes })}
              </p>
            ) : null}
            {data.nodes.length <= 1 ? <p className="muted">{t('chain.empty')}</p> : null}
            <ChainGraph chain={data} selected={selected} onSelect={setSelected} />
          </Card>
          <Evidence chain={data} selected={selected} />
        </div>
      ) : null}
    </div>
  );
}
