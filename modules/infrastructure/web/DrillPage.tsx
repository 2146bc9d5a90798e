/**
 * Drills (演练): fail a set of assets at once — ticked in a list or on the map, or every asset
 * inside an area drawn on the map (a flood zone) — and see the communities that lose a service,
 * the people in them, the services lost by kind, and the shelters and supply stores in those
 * communities. Below, the N-1 analysis: single points of failure per community with the people at
 * risk, recomputed on demand.
 */
import { Card, ErrorNote, Field, Loading } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { useCallback, useMemo, useState } from 'react';
import { type Asset, type DrillResult, listAssets, type N1Analysis, runDrill } from './api.js';
import { DrillOutcome } from './DrillOutcome.js';
import { useWords } from './dictionary.js';
import { insidePolygon, type LonLat } from './geometry.js';
import { spofsOf } from './losses.js';
import { N1Panel } from './N1Panel.js';
import { located, NetworkMap } from './NetworkMap.js';
import { useAction, useKindName, useMay } from './shared.js';
import './infrastructure.css';

type How = 'assets' | 'area';

/** The most assets the checklist shows at once (search narrows it). */
const MAX_OPTIONS = 60;

function Checklist({
  assets,
  picked,
  onToggle,
  onClear,
}: {
  assets: readonly Asset[];
  picked: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onClear: () => void;
}) {
  const { t } = useWords();
  const kindName = useKindName();
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const matching = assets.filter(
    (a) =>
      picked.has(a.id) ||
      !needle ||
      a.name.toLowerCase().includes(needle) ||
      a.id.toLowerCase().includes(needle) ||
      kindName(a.kind).toLowerCase().includes(needle),
  );
  // The ones picked first, then the rest as the network lists them.
  const options = [
    ...matching.filter((a) => picked.has(a.id)),
    ...matching.filter((a) => !picked.has(a.id)),
  ].slice(0, Math.max(MAX_OPTIONS, picked.size));
  return (
    <div className="stack checklist">
      <Field label={t('drill.search')}>
        {(id) => (
          <input id={id} type="search" maxLength={100} value={q} onChange={(e) => setQ(e.target.value)} />
        )}
      </Field>
      <ul className="plain-list check-list" data-testid="drill-checklist">
        {options.map((a) => (
          <li key={a.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={picked.has(a.id)}
                data-asset={a.id}
                onChange={() => onToggle(a.id)}
              />
              {t('drill.option', { name: a.name, kind: kindName(a.kind), type: t(`type.${a.type}`) })}
            </label>
          </li>
        ))}
      </ul>
      <div className="row">
        <span className="muted small" data-testid="drill-picked" data-n={picked.size}>
          {t('drill.picked', { n: picked.size })}
        </span>
        <button type="button" className="link" disabled={picked.size === 0} onClick={onClear}>
          {t('drill.clearPicked')}
        </button>
      </div>
    </div>
  );
}

function AreaTools({
  polygon,
  closed,
  inside,
  onClose,
  onUndo,
  onClear,
}: {
  polygon: readonly LonLat[];
  closed: boolean;
  inside: number;
  onClose: () => void;
  onUndo: () => void;
  onClear: () => void;
}) {
  const { t } = useWords();
  return (
    <div className="stack">
      <p className="muted small">{t('drill.areaHint')}</p>
      <p className="small" data-testid="drill-vertices" data-n={polygon.length}>
        {t('drill.vertices', { n: polygon.length })}
        {closed ? ` · ${t('drill.inside', { n: inside })}` : ''}
      </p>
      <div className="row">
        <button type="button" disabled={closed || polygon.length < 3} onClick={onClose}>
          {t('drill.closeArea')}
        </button>
        <button type="button" disabled={closed || polygon.length === 0} onClick={onUndo}>
          {t('drill.undo')}
        </button>
        <button type="button" disabled={polygon.length === 0} onClick={onClear}>
          {t('drill.clearArea')}
        </button>
      </div>
    </div>
  );
}

export function DrillPage() {
  const { t } = useWords();
  const may = useMay();
  const network = useApi((signal) => listAssets({}, signal), []);
  const [how, setHow] = useState<How>('assets');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [polygon, setPolygon] = useState<LonLat[]>([]);
  const [closed, setClosed] = useState(false);
  const [result, setResult] = useState<DrillResult | null>(null);
  const action = useAction();
  const assets = network.data?.assets ?? [];
  const inside = useMemo(
    () =>
      new Set(
        closed
          ? located(assets)
              .filter((a) => insidePolygon([a.lon, a.lat], polygon))
              .map((a) => a.id)
          : [],
      ),
    [assets, polygon, closed],
  );
  const [spofs, setSpofs] = useState<Set<string>>(new Set());
  const onN1 = useCallback((n1: N1Analysis | null) => setSpofs(spofsOf(n1)), []);
  const marked = result ? new Set(result.failed) : how === 'assets' ? picked : inside;
  const ready = how === 'assets' ? picked.size > 0 : closed && polygon.length >= 3;

  const toggle = (id: string) => {
    setResult(null);
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  const run = action.submit(async () => {
    setResult(
      await runDrill(
        how === 'assets'
          ? { assetIds: [...picked] }
          : { polygon: polygon.map(([lon, lat]) => [lon, lat] as [number, number]) },
      ),
    );
  });

  return (
    <div className="page infrastructure">
      <h1>{t('drill.title')}</h1>
      <p className="muted">{t('drill.lead')}</p>
      {network.loading && !network.data ? <Loading /> : null}
      {network.error ? <ErrorNote error={network.error} onRetry={network.reload} /> : null}
      {network.data && may('runDrill') ? (
        <Card title={t('drill.pick')}>
          <form onSubmit={run} className="stack" aria-label={t('drill.pick')}>
            <fieldset className="group">
              <legend>{t('drill.how')}</legend>
              <div className="row">
                {(['assets', 'area'] as const).map((h) => (
                  <label key={h} className="check">
                    <input
                      type="radio"
                      name="drill-how"
                      value={h}
                      checked={how === h}
                      onChange={() => {
                        setHow(h);
                        setResult(null);
                      }}
                    />
                    {t(h === 'assets' ? 'drill.byAssets' : 'drill.byArea')}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="drill-layout">
              <div>
                {how === 'assets' ? (
                  <Checklist
                    assets={assets}
                    picked={picked}
                    onToggle={toggle}
                    onClear={() => {
                      setPicked(new Set());
                      setResult(null);
                    }}
                  />
                ) : (
                  <AreaTools
                    polygon={polygon}
                    closed={closed}
                    inside={inside.size}
                    onClose={() => {
                      setClosed(true);
                      setResult(null);
                    }}
                    onUndo={() => setPolygon(polygon.slice(0, -1))}
                    onClear={() => {
                      setPolygon([]);
                      setClosed(false);
                      setResult(null);
                    }}
                  />
                )}
              </div>
              <NetworkMap
                assets={assets}
                links={network.data.links}
                spofs={spofs}
                marked={marked}
                mode={how === 'assets' ? 'pick' : 'draw'}
                onPick={toggle}
                polygon={how === 'area' ? polygon : []}
                closed={closed}
                onVertex={(p) => {
                  setResult(null);
                  setPolygon([...polygon, p]);
                }}
                testId="drill-map"
              />
            </div>
            <div className="row">
              <button type="submit" className="primary" disabled={!ready || action.busy}>
                {action.busy ? t('busy') : t('drill.run')}
              </button>
              {!ready ? <span className="muted small">{t('drill.nothing')}</span> : null}
            </div>
            {action.error ? <ErrorNote error={action.error} /> : null}
          </form>
        </Card>
      ) : null}
      {result ? <DrillOutcome result={result} /> : null}
      <N1Panel onLoaded={onN1} />
    </div>
  );
}
