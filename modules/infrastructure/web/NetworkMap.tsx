/**
 * The network on a map: each asset at its lon/lat coloured by its kind — a source a square, a node
 * a diamond, a sink a circle sized by the people it serves — and each link a line from `from` to
 * `to` (`feeds` solid in its kind's colour, `needs` dashed in the colour of the service needed).
 * Marked on top: single points of failure (a thick ring), assets with open alarms (a pulsing red
 * ring), offline assets (grey), assets not working (hollow), a drill's failed set (a cross).
 * Like shelters' and screening's maps, its own SVG (equirectangular, scaled to fit all assets —
 * the kinds hidden keep their place — north up). Three ways to use it: each asset a link to its
 * page; a click picks an asset; a click adds a vertex of an area (the drill's).
 */
import { areaRadius, fitToBox } from '@renxing/ui/map-fit';
import { type KeyboardEvent, type MouseEvent, type ReactNode, useId, useRef } from 'react';
import { Link } from 'react-router';
import type { Asset, NetworkLink } from './api.js';
import { useWords } from './dictionary.js';
import { invertFit, type LonLat } from './geometry.js';
import { assetHref } from './index.js';
import { kindColour, OFFLINE_COLOUR, sortKinds } from './kinds.js';
import { useKindName } from './shared.js';

const WIDTH = 720;
const HEIGHT = 460;
const PAD = 36;
const SOURCE_R = 9;
const NODE_R = 7;
const SINK_MIN = 4;
const SINK_MAX = 16;

export type MapMode = 'link' | 'pick' | 'draw';

export type Located = Asset & { lon: number; lat: number };

export const located = (assets: readonly Asset[]): Located[] =>
  assets.filter((a): a is Located => a.lon !== null && a.lat !== null);

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** About how wide a label is at 11px: Chinese characters full width, others about half. */
const textWidth = (text: string) =>
  [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 11 : 6.5), 0);

export interface NetworkMapProps {
  /** Every asset of the network (those without a location are left off). */
  assets: readonly Asset[];
  links: readonly NetworkLink[];
  /** The kinds shown (all when omitted). */
  kinds?: ReadonlySet<string>;
  /** Single points of failure (from the N-1 analysis). */
  spofs?: ReadonlySet<string>;
  /** Assets crossed out: a drill's failed set, or those picked. */
  marked?: ReadonlySet<string>;
  mode?: MapMode;
  /** 'pick': an asset clicked (or chosen with Enter or Space). */
  onPick?: (assetId: string) => void;
  /** 'draw': the area's vertices so far, and whether it is closed. */
  polygon?: readonly LonLat[];
  closed?: boolean;
  onVertex?: (point: LonLat) => void;
  testId?: string;
}

export function NetworkMap({
  assets,
  links,
  kinds,
  spofs,
  marked,
  mode = 'link',
  onPick,
  polygon = [],
  closed = false,
  onVertex,
  testId = 'network-map',
}: NetworkMapProps) {
  const { t } = useWords();
  const kindName = useKindName();
  const svg = useRef<SVGSVGElement>(null);
  const markerId = `arrow-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const all = located(assets);
  if (all.length === 0) return <p className="muted">{t('map.empty')}</p>;

  const fit = fitToBox(all, { width: WIDTH, height: HEIGHT, pad: PAD });
  const { x, y } = fit;
  const toLonLat = invertFit(fit);
  const mostPeople = Math.max(1, ...all.filter((a) => a.type === 'sink').map((a) => a.population));
  const radius = (a: Asset) =>
    a.type === 'source'
      ? SOURCE_R
      : a.type === 'node'
        ? NODE_R
        : areaRadius(a.population, mostPeople, SINK_MIN, SINK_MAX);
  const shown = all.filter((a) => !kinds || kinds.has(a.kind));
  const byId = new Map(shown.map((a) => [a.id, a]));
  const lines = links.filter((l) => byId.has(l.from) && byId.has(l.to));
  const colours = [...new Set(sortKinds(shown.map((a) => a.kind)).map(kindColour))];

  const describe = (a: Asset) => {
    const parts = [
      t('map.asset', { name: a.name, kind: kindName(a.kind), type: t(`type.${a.type}`) }),
      ...(a.type === 'sink' ? [t('map.people', { n: a.population.toLocaleString() })] : []),
      ...(spofs?.has(a.id) ? [t('map.spof')] : []),
      ...(a.openAlarms > 0 ? [t('asset.alarms', { n: a.openAlarms })] : []),
      ...(a.offline ? [t('asset.offline')] : []),
      ...(!a.working ? [t('asset.down')] : []),
      ...(marked?.has(a.id) ? [t('map.marked')] : []),
    ];
    return parts.join('，');
  };

  // Labels beside their shapes where they fit (right, left, above, below): sources, nodes and
  // single points of failure first, then the largest sinks; the rest are left to the tooltip.
  // How far an asset's marks reach: its shape, and the rings around it.
  const outer = (a: Asset) => radius(a) + (a.openAlarms > 0 ? 8 : spofs?.has(a.id) ? 5 : 0);
  const rank = (a: Asset) => (spofs?.has(a.id) ? 0 : a.type === 'source' ? 1 : a.type === 'node' ? 2 : 3);
  const placed: Box[] = shown.map((a) => {
    const r = outer(a);
    return { x: x(a.lon) - r, y: y(a.lat) - r, w: 2 * r, h: 2 * r };
  });
  const labels = new Map<string, { x: number; y: number; anchor: 'start' | 'end' | 'middle' }>();
  for (const a of [...shown].sort((p, q) => rank(p) - rank(q) || q.population - p.population)) {
    const [cx, cy, r] = [x(a.lon), y(a.lat), outer(a)];
    const w = textWidth(a.name);
    const options = [
      { x: cx + r + 3, y: cy + 4, anchor: 'start' as const, box: { x: cx + r + 3, y: cy - 7, w, h: 14 } },
      { x: cx - r - 3, y: cy + 4, anchor: 'end' as const, box: { x: cx - r - 3 - w, y: cy - 7, w, h: 14 } },
      { x: cx, y: cy - r - 4, anchor: 'middle' as const, box: { x: cx - w / 2, y: cy - r - 16, w, h: 14 } },
      { x: cx, y: cy + r + 12, anchor: 'middle' as const, box: { x: cx - w / 2, y: cy + r + 1, w, h: 14 } },
    ];
    const fits = options.find(
      (o) =>
        o.box.x >= 2 &&
        o.box.x + o.box.w <= WIDTH - 2 &&
        o.box.y >= 2 &&
        o.box.y + o.box.h <= HEIGHT - 2 &&
        !placed.some((b) => overlaps(b, o.box)),
    );
    if (fits) {
      placed.push(fits.box);
      labels.set(a.id, { x: fits.x, y: fits.y, anchor: fits.anchor });
    }
  }

  function addVertex(e: MouseEvent<SVGSVGElement>) {
    if (mode !== 'draw' || closed || !onVertex || !svg.current) return;
    const ctm = svg.current.getScreenCTM();
    if (!ctm) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    onVertex(toLonLat(p.x, p.y));
  }

  const shape = (a: Located) => {
    const [cx, cy, r] = [x(a.lon), y(a.lat), radius(a)];
    const fill = a.offline ? OFFLINE_COLOUR : kindColour(a.kind);
    const common = {
      className: `asset-shape${a.working ? '' : ' down'}`,
      fill: a.working ? fill : '#fff',
      stroke: a.working ? '#fff' : fill,
    };
    const body =
      a.type === 'source' ? (
        <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} rx={2} {...common} />
      ) : a.type === 'node' ? (
        <polygon points={`${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`} {...common} />
      ) : (
        <circle cx={cx} cy={cy} r={r} {...common} />
      );
    const label = labels.get(a.id);
    return (
      <>
        {spofs?.has(a.id) ? <circle cx={cx} cy={cy} r={r + 4} className="spof-ring" /> : null}
        {a.openAlarms > 0 ? <circle cx={cx} cy={cy} r={r + 7} className="alarm-ring" /> : null}
        {body}
        {marked?.has(a.id) ? (
          <path
            d={`M${cx - r - 2},${cy - r - 2}L${cx + r + 2},${cy + r + 2}M${cx + r + 2},${cy - r - 2}L${cx - r - 2},${cy + r + 2}`}
            className="marked-cross"
          />
        ) : null}
        {label ? (
          <text x={label.x} y={label.y} textAnchor={label.anchor} className="map-name">
            {a.name}
          </text>
        ) : null}
      </>
    );
  };

  const asset = (a: Located): ReactNode => {
    const text = describe(a);
    const data = {
      'data-asset': a.id,
      'data-kind': a.kind,
      'data-type': a.type,
      'data-spof': spofs?.has(a.id) ? 'true' : undefined,
      'data-alarms': a.openAlarms,
      'data-offline': a.offline ? 'true' : undefined,
      'data-working': a.working ? 'true' : 'false',
      'data-marked': marked?.has(a.id) ? 'true' : undefined,
    };
    if (mode === 'link')
      return (
        <Link key={a.id} to={assetHref(a.id)} aria-label={text}>
          <g {...data}>
            <title>{text}</title>
            {shape(a)}
          </g>
        </Link>
      );
    if (mode === 'pick')
      return (
        // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it acts as one
        <g
          key={a.id}
          {...data}
          role="button"
          tabIndex={0}
          aria-label={text}
          aria-pressed={marked?.has(a.id) ?? false}
          className="pickable"
          onClick={() => onPick?.(a.id)}
          onKeyDown={(e: KeyboardEvent) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onPick?.(a.id);
            }
          }}
        >
          <title>{text}</title>
          {shape(a)}
        </g>
      );
    return (
      <g key={a.id} {...data}>
        <title>{text}</title>
        {shape(a)}
      </g>
    );
  };

  // Sinks under nodes under sources; the biggest sinks first so small ones stay on top.
  const order = [...shown].sort((p, q) => rank(q) - rank(p) || q.population - p.population);
  const ring = polygon.map(([lon, lat]) => `${x(lon)},${y(lat)}`).join(' ');
  return (
    <figure className={`network-map mode-${mode}`}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: drawing is by pointer; the checklist beside it does the same by keyboard */}
      <svg
        ref={svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        aria-label={t(mode === 'draw' ? 'map.labelDraw' : 'map.label')}
        data-testid={testId}
        data-assets={shown.length}
        preserveAspectRatio="xMidYMid meet"
        onClick={addVertex}
      >
        <defs>
          {colours.map((c) => (
            <marker
              key={c}
              id={`${markerId}-${c.slice(1)}`}
              viewBox="0 0 10 10"
              refX={9}
              refY={5}
              markerWidth={6}
              markerHeight={6}
              orient="auto-start-reverse"
            >
              <path d="M0,0L10,5L0,10z" fill={c} />
            </marker>
          ))}
        </defs>
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="map-bg" />
        <g className="links">
          {lines.map((l) => {
            const [from, to] = [byId.get(l.from)!, byId.get(l.to)!];
            const [x1, y1, x2, y2] = [x(from.lon), y(from.lat), x(to.lon), y(to.lat)];
            const d = Math.hypot(x2 - x1, y2 - y1);
            // Stop short of the target's shape so the arrow shows.
            const k = d > 0 ? Math.max(0, d - radius(to) - 2) / d : 1;
            const colour = kindColour(from.kind);
            return (
              <line
                key={`${l.from}>${l.to}:${l.relation}`}
                x1={x1}
                y1={y1}
                x2={x1 + (x2 - x1) * k}
                y2={y1 + (y2 - y1) * k}
                stroke={colour}
                className={`link link-${l.relation}`}
                markerEnd={`url(#${markerId}-${colour.slice(1)})`}
                data-link={`${l.from}>${l.to}`}
                data-relation={l.relation}
              >
                <title>
                  {t(`map.link.${l.relation}`, { from: from.name, to: to.name, kind: kindName(from.kind) })}
                </title>
              </line>
            );
          })}
        </g>
        <g className="assets">{order.map(asset)}</g>
        {polygon.length > 0 ? (
          <g className="drill-area" data-testid="drill-area" data-vertices={polygon.length}>
            {closed ? <polygon points={ring} /> : <polyline points={ring} />}
            {polygon.map(([lon, lat], i) => (
              <circle key={i} cx={x(lon)} cy={y(lat)} r={3.5} />
            ))}
          </g>
        ) : null}
      </svg>
      <MapLegend kinds={sortKinds(shown.map((a) => a.kind))} />
    </figure>
  );
}

function MapLegend({ kinds }: { kinds: readonly string[] }) {
  const { t } = useWords();
  const kindName = useKindName();
  return (
    <figcaption>
      <ul className="legend">
        {kinds.map((k) => (
          <li key={k}>
            <span className="swatch" style={{ background: kindColour(k) }} aria-hidden="true" />
            {kindName(k)}
          </li>
        ))}
      </ul>
      <ul className="legend">
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <rect x="2" y="2" width="10" height="10" rx="2" className="legend-shape" />
          </svg>
          {t('type.source')}
        </li>
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <polygon points="7,1 13,7 7,13 1,7" className="legend-shape" />
          </svg>
          {t('type.node')}
        </li>
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5" className="legend-shape" />
          </svg>
          {t('legend.sink')}
        </li>
        <li>
          <svg width="26" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="25" y2="5" className="legend-line" />
          </svg>
          {t('legend.feeds')}
        </li>
        <li>
          <svg width="26" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="25" y2="5" className="legend-line needs" />
          </svg>
          {t('legend.needs')}
        </li>
        <li>
          <svg width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="6" className="legend-spof" />
          </svg>
          {t('legend.spof')}
        </li>
        <li>
          <svg width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r="6" className="legend-alarm" />
          </svg>
          {t('legend.alarm')}
        </li>
        <li>
          <span className="swatch" style={{ background: OFFLINE_COLOUR }} aria-hidden="true" />
          {t('legend.offline')}
        </li>
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5" className="legend-down" />
          </svg>
          {t('legend.down')}
        </li>
      </ul>
    </figcaption>
  );
}
