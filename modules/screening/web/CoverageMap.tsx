/**
 * Coverage by community on a map: each community at its lon/lat as a circle sized by the people
 * expected and coloured by the share tested. The kit's CityMap (MapLibre) colours its points by
 * level only, so this draws its own SVG (equirectangular, scaled to fit, north up) with a legend.
 */

import { areaRadius, fitToBox } from '@renxing/ui/map-fit';
import type { CoverageRow } from './api.js';
import { useWords } from './dictionary.js';
import { BANDS, bandOf, percent, shareOf } from './shared.js';

const WIDTH = 640;
const HEIGHT = 380;
const PAD = 48;
const R_MIN = 6;
const R_MAX = 22;

type Located = CoverageRow & { lon: number; lat: number };

export function CoverageMap({ rows }: { rows: readonly CoverageRow[] }) {
  const { t } = useWords();
  const located = rows.filter((r): r is Located => r.lon !== null && r.lat !== null && r.path !== '');
  const missing = rows.filter((r) => r.path !== '').length - located.length;
  if (located.length === 0) return <p className="muted">{t('map.noCoords')}</p>;

  const { x, y } = fitToBox(located, { width: WIDTH, height: HEIGHT, pad: PAD });
  const most = Math.max(1, ...located.map((r) => r.expected));
  const radius = (expected: number) => areaRadius(expected, most, R_MIN, R_MAX);

  return (
    <figure className="coverage-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('map.label')}
        data-testid="coverage-map"
        preserveAspectRatio="xMidYMid meet"
      >
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="map-bg" />
        {located
          .slice()
          .sort((a, b) => b.expected - a.expected)
          .map((r) => {
            const share = shareOf(r.tested, r.expected);
            const label = t('map.point', {
              name: r.name,
              tested: r.tested,
              expected: r.expected,
              share: percent(share),
            });
            return (
              <g key={r.path} data-community={r.path} data-share={share.toFixed(3)}>
                <title>{label}</title>
                <circle cx={x(r.lon)} cy={y(r.lat)} r={radius(r.expected)} fill={bandOf(share).colour} />
                <text x={x(r.lon) + radius(r.expected) + 4} y={y(r.lat) + 4} className="map-name">
                  {r.name} {percent(share)}
                </text>
              </g>
            );
          })}
      </svg>
      <figcaption>
        <span className="muted small">{t('map.legend')}</span>
        <ul className="legend">
          {BANDS.map((b) => (
            <li key={b.label}>
              <span className="swatch" style={{ background: b.colour }} aria-hidden="true" />
              {b.label}
            </li>
          ))}
        </ul>
        {missing > 0 ? <p className="muted small">{t('map.missing', { n: missing })}</p> : null}
      </figcaption>
    </figure>
  );
}
