/**
 * Shelters on a map with their room now: each at its lon/lat as a circle sized by its capacity now
 * and coloured by the share of places left (closed grey, full red). Like screening's coverage map,
 * its own SVG (equirectangular, scaled to fit, north up) with a legend; a circle links to the
 * shelter's page.
 */

import { areaRadius, fitToBox } from '@renxing/ui/map-fit';
import { Link } from 'react-router';
import type { Shelter } from './api.js';
import { useWords } from './dictionary.js';
import { shelterHref } from './index.js';
import { BANDS, bandOf } from './shared.js';

const WIDTH = 640;
const HEIGHT = 400;
const PAD = 48;
const R_MIN = 7;
const R_MAX = 26;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** About how wide a label is at 12px: Chinese characters full width, others about half. */
const textWidth = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);

export function ShelterMap({ shelters }: { shelters: readonly Shelter[] }) {
  const { t } = useWords();
  if (shelters.length === 0) return null;
  const { x, y } = fitToBox(shelters, { width: WIDTH, height: HEIGHT, pad: PAD });
  const most = Math.max(1, ...shelters.map((r) => r.capacity));
  const radius = (capacity: number) => areaRadius(capacity, most, R_MIN, R_MAX);

  // Labels beside their circles where they fit (right, left, above, below), else left to the
  // circle's tooltip: close shelters would write over each other.
  const placed: Box[] = [];
  const labels = new Map<string, { x: number; y: number; anchor: 'start' | 'end' | 'middle' }>();
  for (const sh of [...shelters].sort((a, b) => b.capacity - a.capacity || (a.id < b.id ? -1 : 1))) {
    const [cx, cy, r] = [x(sh.lon), y(sh.lat), radius(sh.capacity)];
    const w = textWidth(`${sh.name} ${sh.available}`);
    const options = [
      { x: cx + r + 4, y: cy + 4, anchor: 'start' as const, box: { x: cx + r + 4, y: cy - 8, w, h: 16 } },
      { x: cx - r - 4, y: cy + 4, anchor: 'end' as const, box: { x: cx - r - 4 - w, y: cy - 8, w, h: 16 } },
      { x: cx, y: cy - r - 5, anchor: 'middle' as const, box: { x: cx - w / 2, y: cy - r - 19, w, h: 16 } },
      { x: cx, y: cy + r + 15, anchor: 'middle' as const, box: { x: cx - w / 2, y: cy + r + 3, w, h: 16 } },
    ];
    const fits = options.find(
      (o) =>
        o.box.x >= 2 &&
        o.box.x + o.box.w <= WIDTH - 2 &&
        o.box.y >= 2 &&
        o.box.y + o.box.h <= HEIGHT - 2 &&
        !placed.some((b) => overlaps(b, o.box)),
    );
    placed.push({ x: cx - r, y: cy - r, w: 2 * r, h: 2 * r });
    if (fits) {
      placed.push(fits.box);
      labels.set(sh.id, { x: fits.x, y: fits.y, anchor: fits.anchor });
    }
  }

  return (
    <figure className="shelter-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        aria-label={t('map.label')}
        data-testid="shelter-map"
        preserveAspectRatio="xMidYMid meet"
      >
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="map-bg" />
        {shelters
          .slice()
          .sort((a, b) => b.capacity - a.capacity)
          .map((sh) => {
            const label = t('map.point', {
              name: sh.name,
              state: t(`state.${sh.state}`),
              occupancy: sh.occupancy,
              available: sh.available,
              capacity: sh.capacity,
            });
            const r = radius(sh.capacity);
            return (
              <Link key={sh.id} to={shelterHref(sh.id)} aria-label={label}>
                <g data-shelter={sh.id} data-available={sh.available} data-state={sh.state}>
                  <title>{label}</title>
                  <circle cx={x(sh.lon)} cy={y(sh.lat)} r={r} fill={bandOf(sh).colour} />
                  {labels.has(sh.id) ? (
                    <text
                      x={labels.get(sh.id)!.x}
                      y={labels.get(sh.id)!.y}
                      textAnchor={labels.get(sh.id)!.anchor}
                      className="map-name"
                    >
                      {sh.name} {sh.state === 'open' ? sh.available : '—'}
                    </text>
                  ) : null}
                </g>
              </Link>
            );
          })}
      </svg>
      <figcaption>
        <span className="muted small">{t('map.legend')}</span>
        <ul className="legend">
          {BANDS.map((b) => (
            <li key={b.key}>
              <span className="swatch" style={{ background: b.colour }} aria-hidden="true" />
              {t(b.word)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
