/**
 * The city's communities coloured by a score: each community the Voronoi cell around its centre
 * (the registry has centres, not boundaries), clipped to the box around them, in five bands from
 * weakest (red) to strongest (green); a community without that score hatched grey. An SVG drawn
 * here, north up, scaled to fit, like the other modules' maps; a cell is a link to its community.
 */

import { fitToBox } from '@renxing/ui/map-fit';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type { IndexRow, ScoreField } from './api.js';
import { useWords } from './dictionary.js';
import { BANDS, bandOf, bandRanges } from './scale.js';
import { communityHref, mostOf, score, useCommunityName, useScoreName } from './shared.js';
import { voronoiCells } from './voronoi.js';

const WIDTH = 640;
const HEIGHT = 480;
const PAD = 28;
const EDGE = 2;
const HATCH = 'resilience-no-score';
/** Names are written on the map up to this many communities (beyond, they are in each cell's title). */
const NAMED = 40;

type Located = IndexRow & { community: { lon: number; lat: number } };

export function IndexMap({
  rows,
  field,
  date,
}: {
  rows: readonly IndexRow[];
  field: ScoreField;
  date?: string;
}) {
  const { t } = useWords();
  const navigate = useNavigate();
  const name = useCommunityName();
  const scoreName = useScoreName();
  const located = rows.filter((r): r is Located => r.community.lon !== null && r.community.lat !== null);
  if (located.length === 0) return <p className="muted">{t('map.noCoords')}</p>;
  const fit = fitToBox(
    located.map((r) => r.community),
    { width: WIDTH, height: HEIGHT, pad: PAD },
  );
  const sites = located.map((r) => ({
    id: r.community.path,
    x: fit.x(r.community.lon),
    y: fit.y(r.community.lat),
  }));
  // Clipped to the map's box (less a hairline), so the outer communities reach its edges.
  const cells = voronoiCells(sites, [EDGE, EDGE, WIDTH - EDGE, HEIGHT - EDGE]);
  const most = mostOf(field);
  const open = (href: string) => (e: MouseEvent) => {
    e.preventDefault();
    navigate(href);
  };
  return (
    <figure className="resilience-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('map.label', { score: scoreName(field) })}
        data-testid="resilience-map"
        data-field={field}
        preserveAspectRatio="xMidYMid meet"
      >
        <defs>
          <pattern
            id={HATCH}
            width={6}
            height={6}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width={6} height={6} fill="#eef0f3" />
            <line x1={0} y1={0} x2={0} y2={6} stroke="#a7afba" strokeWidth={2} />
          </pattern>
        </defs>
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="map-bg" />
        {located.map((r, i) => {
          const value = r[field];
          const band = bandOf(value, most);
          const fill = band === null ? `url(#${HATCH})` : BANDS[band]!.colour;
          const label = t(value === null ? 'map.cellNone' : 'map.cell', {
            name: name(r.community),
            score: scoreName(field),
            value: score(value),
          });
          const href = communityHref(r.community.path, date);
          const site = sites[i]!;
          const cell = cells.get(site.id);
          return (
            <a
              key={r.community.path}
              href={href}
              aria-label={label}
              onClick={open(href)}
              data-community={r.community.path}
              data-band={band ?? 'none'}
              data-value={value ?? ''}
            >
              <title>{label}</title>
              {cell ? (
                <path d={cell} fill={fill} className="cell" />
              ) : (
                <circle cx={site.x} cy={site.y} r={6} fill={fill} className="cell" />
              )}
              <circle cx={site.x} cy={site.y} r={2.5} className="centre" />
            </a>
          );
        })}
        {located.length <= NAMED ? (
          <g className="map-names">
            {located.map((r, i) => (
              <text key={r.community.path} x={sites[i]!.x + 4} y={sites[i]!.y - 4} className="map-name">
                {name(r.community)}
              </text>
            ))}
          </g>
        ) : null}
      </svg>
      <figcaption>
        <span className="muted small">{t('map.legend', { score: scoreName(field), most })}</span>
        <ul className="legend" data-testid="resilience-legend">
          {bandRanges(most).map((b) => (
            <li key={b.colour}>
              <span className="swatch" style={{ background: b.colour }} aria-hidden="true" />
              {`${b.from.toFixed(1)}–${b.to.toFixed(1)}`}
            </li>
          ))}
          <li>
            <span className="swatch hatch" aria-hidden="true" />
            {t('map.none')}
          </li>
        </ul>
        {rows.length > located.length ? (
          <p className="muted small">{t('map.missing', { n: rows.length - located.length })}</p>
        ) : null}
      </figcaption>
    </figure>
  );
}
