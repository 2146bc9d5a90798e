/**
 * A sensor's readings as a line over a time window, with its rules drawn: each threshold a dashed
 * red line, its hysteresis band shaded (where a raised alarm stays raised), and the stretches of
 * the line beyond a threshold in red. A gap longer than the sensor's timeout breaks the line (the
 * sensor was offline). Its own SVG, like the maps; long series are thinned to what the pixels show.
 */

import { cityFormat } from '@renxing/ui/city-time';
import { useFormatTime } from '@renxing/ui/controls';
import { useId } from 'react';
import type { Rule } from './api.js';
import { useWords } from './dictionary.js';
import { linear, niceTicks, thin, timeTicks } from './geometry.js';

const WIDTH = 860;
const HEIGHT = 230;
const M = { left: 52, right: 78, top: 12, bottom: 26 };

export interface ChartPoint {
  /** ms since the epoch */
  t: number;
  v: number;
}

export interface SensorChartProps {
  points: readonly ChartPoint[];
  rules: readonly Rule[];
  unit: string;
  /** The window shown, ms since the epoch. */
  from: number;
  to: number;
  /** A gap (s) after which the line breaks. */
  timeoutS: number;
  label: string;
  testId?: string;
}

/** The path of a line through `points`, broken where two points are more than `gapMs` apart. */
function linePath(
  points: readonly ChartPoint[],
  x: (t: number) => number,
  y: (v: number) => number,
  gapMs: number,
): string {
  let d = '';
  let prev: ChartPoint | null = null;
  for (const p of points) {
    const move = prev === null || p.t - prev.t > gapMs;
    d += `${move ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`;
    prev = p;
  }
  return d;
}

export function SensorChart({
  points,
  rules: given,
  unit,
  from,
  to,
  timeoutS,
  label,
  testId,
}: SensorChartProps) {
  const { t, lang } = useWords();
  const time = useFormatTime();
  const clip = `clip-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const rules = given.map((r) => ({ ...r, hysteresis: r.hysteresis ?? 0 }));
  const inWindow = points.filter((p) => p.t >= from && p.t <= to);
  const shown = thin(inWindow, from, to, WIDTH - M.left - M.right);
  const values = [
    ...inWindow.map((p) => p.v),
    ...rules.flatMap((r) => [
      r.threshold,
      r.op === 'above' ? r.threshold - r.hysteresis : r.threshold + r.hysteresis,
    ]),
  ];
  const scaleY = niceTicks(Math.min(...values), Math.max(...values), 4);
  const x = linear(from, to, M.left, WIDTH - M.right);
  const y = linear(scaleY.lo, scaleY.hi, HEIGHT - M.bottom, M.top);
  const hhmm = cityFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false });
  const ticksX = timeTicks(from, to, 5);
  const d = linePath(shown, x, y, Math.max(1, timeoutS) * 1000);
  const last = inWindow.at(-1);
  const [left, right, top, bottom] = [M.left, WIDTH - M.right, M.top, HEIGHT - M.bottom];
  const fmt = (v: number) => Number(v.toPrecision(6)).toLocaleString();

  return (
    <figure className="sensor-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
        data-testid={testId}
        data-points={inWindow.length}
        data-last={last?.v}
        preserveAspectRatio="xMidYMid meet"
      >
        <defs>
          {rules.map((r, i) => (
            <clipPath key={i} id={`${clip}-${i}`}>
              {r.op === 'above' ? (
                <rect x={left} y={top} width={right - left} height={Math.max(0, y(r.threshold) - top)} />
              ) : (
                <rect
                  x={left}
                  y={y(r.threshold)}
                  width={right - left}
                  height={Math.max(0, bottom - y(r.threshold))}
                />
              )}
            </clipPath>
          ))}
        </defs>
        <rect x={left} y={top} width={right - left} height={bottom - top} className="chart-bg" />
        {scaleY.ticks.map((v) => (
          <g key={`y${v}`} className="tick">
            <line x1={left} x2={right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end">
              {fmt(v)}
            </text>
          </g>
        ))}
        {ticksX.map((v) => (
          <g key={`x${v}`} className="tick">
            <line x1={x(v)} x2={x(v)} y1={top} y2={bottom} className="grid" />
            <text x={x(v)} y={bottom + 16} textAnchor="middle">
              {hhmm.format(new Date(v))}
            </text>
          </g>
        ))}
        {rules.map((r, i) => {
          const band =
            r.op === 'above'
              ? [r.threshold - r.hysteresis, r.threshold]
              : [r.threshold, r.threshold + r.hysteresis];
          return (
            <g key={i} className="rule" data-op={r.op} data-threshold={r.threshold}>
              {r.hysteresis > 0 ? (
                <rect
                  x={left}
                  width={right - left}
                  y={y(band[1])}
                  height={Math.max(0, y(band[0]) - y(band[1]))}
                  className="hysteresis"
                />
              ) : null}
              <line x1={left} x2={right} y1={y(r.threshold)} y2={y(r.threshold)} className="threshold" />
              <text x={right + 4} y={y(r.threshold) + 4} className="threshold-label">
                {t(`chart.${r.op}`, { value: fmt(r.threshold), unit })}
              </text>
            </g>
          );
        })}
        {d ? <path d={d} className="reading-line" /> : null}
        {d
          ? rules.map((_, i) => (
              <path key={i} d={d} className="reading-line breach" clipPath={`url(#${clip}-${i})`} />
            ))
          : null}
        {last ? <circle cx={x(last.t)} cy={y(last.v)} r={3.5} className="reading-last" /> : null}
        {inWindow.length === 0 ? (
          <text x={(left + right) / 2} y={(top + bottom) / 2} textAnchor="middle" className="chart-empty">
            {t('chart.none')}
          </text>
        ) : null}
        <text x={left} y={top - 2} className="unit" textAnchor="end">
          {unit}
        </text>
      </svg>
      <figcaption className="muted small">
        {last
          ? t('chart.last', { value: fmt(last.v), unit, time: time(new Date(last.t).toISOString()) })
          : t('chart.none')}
      </figcaption>
    </figure>
  );
}
