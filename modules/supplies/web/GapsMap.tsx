/**
 * The gaps of one item by community on a map: each community at its lon/lat, a circle sized by its
 * residents and coloured by its gap as a share of its requirement (an SVG drawn here, north up,
 * scaled to fit, as screening's coverage map does), with a legend.
 */

import { areaRadius, fitToBox } from '@renxing/ui/map-fit';
import type { GapPlace, GapRow } from './api.js';
import { useWords, type Word } from './dictionary.js';
import { amount } from './shared.js';

const WIDTH = 640;
const HEIGHT = 380;
const PAD = 48;
const R_MIN = 6;
const R_MAX = 22;

/** Bands of the gap's share of the requirement, for colours. */
export const GAP_BANDS = [
  { key: 'none', colour: '#c3cad3' },
  { key: 'covered', colour: '#2e9d5b' },
  { key: 'low', colour: '#e5b400' },
  { key: 'mid', colour: '#f08a24' },
  { key: 'high', colour: '#d13b3b' },
] as const;

export type GapBand = (typeof GAP_BANDS)[number]['key'];

export function gapBand(row: Pick<GapRow, 'requirement' | 'gap'> | undefined): GapBand {
  if (!row || row.requirement <= 0) return 'none';
  if (row.gap <= 0) return 'covered';
  const share = row.gap / row.requirement;
  return share < 0.25 ? 'low' : share < 0.5 ? 'mid' : 'high';
}

type Located = GapPlace & { lon: number; lat: number };

export function GapsMap({
  places,
  rows,
  item,
}: {
  places: readonly GapPlace[];
  rows: readonly GapRow[];
  item: { name: string; unit: string };
}) {
  const { t, lang } = useWords();
  const communities = places.filter((p) => p.level === 'community');
  const located = communities.filter((p): p is Located => p.lon !== null && p.lat !== null);
  if (located.length === 0) return <p className="muted">{t('map.noCoords')}</p>;
  const byPath = new Map(rows.map((r) => [r.path, r]));
  const { x, y } = fitToBox(located, { width: WIDTH, height: HEIGHT, pad: PAD });
  const most = Math.max(1, ...located.map((p) => p.residents));
  const radius = (n: number) => areaRadius(n, most, R_MIN, R_MAX);
  const colour = (band: GapBand) => GAP_BANDS.find((b) => b.key === band)!.colour;
  return (
    <figure className="gaps-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('map.label', { item: item.name })}
        data-testid="gaps-map"
        preserveAspectRatio="xMidYMid meet"
      >
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="map-bg" />
        {located
          .slice()
          .sort((a, b) => b.residents - a.residents)
          .map((p) => {
            const row = byPath.get(p.path);
            const band = gapBand(row);
            const label = t('map.point', {
              name: p.name,
              requirement: `${amount(row?.requirement ?? 0, lang)}${item.unit}`,
              stock: `${amount(row?.stock ?? 0, lang)}${item.unit}`,
              gap: `${amount(row?.gap ?? 0, lang)}${item.unit}`,
            });
            return (
              <g key={p.path} data-community={p.path} data-band={band} data-gap={row?.gap ?? 0}>
                <title>{label}</title>
                <circle cx={x(p.lon)} cy={y(p.lat)} r={radius(p.residents)} fill={colour(band)} />
                <text x={x(p.lon) + radius(p.residents) + 4} y={y(p.lat) + 4} className="map-name">
                  {p.name}
                </text>
              </g>
            );
          })}
      </svg>
      <figcaption>
        <span className="muted small">{t('map.legend')}</span>
        <ul className="legend">
          {GAP_BANDS.map((b) => (
            <li key={b.key}>
              <span className="swatch" style={{ background: b.colour }} aria-hidden="true" />
              {t(`map.band.${b.key}` as Word)}
            </li>
          ))}
        </ul>
        {communities.length > located.length ? (
          <p className="muted small">{t('map.missing', { n: communities.length - located.length })}</p>
        ) : null}
      </figcaption>
    </figure>
  );
}
