/** The overlap of a companion with the case on a time axis (SVG), inside the case's window. */
import { cityFormat } from '@renxing/ui/city-time';
import { useI18n } from '@renxing/ui/i18n';

const W = 640;
const H = 86;
const PAD = 24;

export function Timeline({
  start,
  end,
  windowFrom,
  windowTo,
}: {
  start: string;
  end: string;
  windowFrom?: string | null;
  windowTo?: string | null;
}) {
  const { t, lang } = useI18n();
  const s = Date.parse(start);
  const e = Date.parse(end);
  const span = Math.max(e - s, 60_000);
  // Show an hour either side (or the case's window where it is closer).
  let lo = s - Math.max(span, 3_600_000);
  let hi = e + Math.max(span, 3_600_000);
  if (windowFrom) lo = Math.max(lo, Math.min(s, Date.parse(windowFrom)));
  if (windowTo) hi = Math.min(hi, Math.max(e, Date.parse(windowTo)));
  const x = (ms: number) => PAD + ((ms - lo) / (hi - lo)) * (W - 2 * PAD);
  const hhmm = cityFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false });
  const full = cityFormat(lang, { dateStyle: 'short', timeStyle: 'short', hour12: false });
  const step = hi - lo > 6 * 3_600_000 ? 3_600_000 * 2 : hi - lo > 2 * 3_600_000 ? 3_600_000 : 1_800_000;
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step) * step; k <= hi; k += step) ticks.push(k);
  const label = t('companions.timelineLabel', { from: full.format(s), to: full.format(e) });
  return (
    <figure className="timeline-figure">
      <svg className="timeline" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line x1={PAD} x2={W - PAD} y1={44} y2={44} stroke="#9aa7b6" />
        {ticks.map((k) => (
          <g key={k}>
            <line x1={x(k)} x2={x(k)} y1={40} y2={48} stroke="#9aa7b6" />
            <text x={x(k)} y={76} textAnchor="middle">
              {hhmm.format(k)}
            </text>
          </g>
        ))}
        <rect
          x={x(s)}
          y={30}
          width={Math.max(3, x(e) - x(s))}
          height={28}
          rx={4}
          fill="#e08a1e"
          opacity={0.85}
        />
        <text x={x(s)} y={22} textAnchor="start" className="timeline-edge">
          {hhmm.format(s)}
        </text>
        <text x={x(e)} y={22} textAnchor="end" className="timeline-edge">
          {hhmm.format(e)}
        </text>
      </svg>
      <figcaption className="muted small">{label}</figcaption>
    </figure>
  );
}
