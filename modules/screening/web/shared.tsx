/** What screening's screens share: who may do what, zones, shares, windows and figures. */
import { useMayIn } from '@renxing/ui/actions';
import { useFormatTime } from '@renxing/ui/controls';
import { ACCESS } from '../access.js';
import type { Round, Zone } from './api.js';
import { useWords } from './dictionary.js';

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

export function ZoneBadge({ zone }: { zone: Zone }) {
  const { t } = useWords();
  return (
    <span className={`badge zone zone-${zone}`} data-zone={zone}>
      {t(`zone.${zone}`)}
    </span>
  );
}

/** A round's places, each with its zone. */
export function RoundPlaces({ round }: { round: Pick<Round, 'places'> }) {
  return (
    <span className="round-places">
      {round.places.map((p) => (
        <span key={p.path} className="nowrap">
          {p.name} <ZoneBadge zone={p.zone} />
        </span>
      ))}
    </span>
  );
}

/** A round's window in the city's time zone. */
export function useWindow(): (round: Pick<Round, 'from' | 'to'>) => string {
  const { t } = useWords();
  const time = useFormatTime();
  return (round) => t('window.value', { from: time(round.from), to: time(round.to) });
}

/** The share tested (0..1; 1 when nobody is expected). */
export const shareOf = (tested: number, expected: number) => (expected > 0 ? tested / expected : 1);

/** A share (0..1) as a percentage with one decimal. */
export const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** A tested share's band, for colours: under 50 %, under 80 %, under 95 %, the rest. */
export const BANDS = [
  { max: 0.5, colour: '#d13b3b', label: '< 50%' },
  { max: 0.8, colour: '#f08a24', label: '50–80%' },
  { max: 0.95, colour: '#e5b400', label: '80–95%' },
  { max: Number.POSITIVE_INFINITY, colour: '#2e9d5b', label: '≥ 95%' },
] as const;

export const bandOf = (share: number) => BANDS.find((b) => share < b.max) ?? BANDS[BANDS.length - 1];

/** A bar showing a tested share, with the numbers beside it. */
export function ShareBar({ tested, expected }: { tested: number; expected: number }) {
  const share = shareOf(tested, expected);
  return (
    <span className="share">
      <span className="share-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, share * 100)}%`, background: bandOf(share).colour }} />
      </span>
      <span className="nowrap">
        {tested.toLocaleString()} / {expected.toLocaleString()} · {percent(share)}
      </span>
    </span>
  );
}

/** Figures as the dashboard shows them: a label over a number. */
export function Figures({
  figures,
  testId,
}: {
  figures: readonly { key: string; label: string; value: number | undefined; tone?: string }[];
  testId?: string;
}) {
  return (
    <dl className="figures" data-testid={testId}>
      {figures.map((f) => (
        <div key={f.key} className={`figure ${f.tone ? `figure-${f.tone}` : ''}`} data-figure={f.key}>
          <dt>{f.label}</dt>
          <dd>{f.value === undefined ? '…' : f.value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
