/** What shelters' screens share: who may do what, the colours of room left, badges, a form's action, a live load. */
import { useLive as useLiveEvery, useMayIn } from '@renxing/ui/actions';
import { useUser } from '@renxing/ui/session';
import type { DependencyList } from 'react';
import { ACCESS } from '../access.js';
import type { Offer, Shelter, ShelterState } from './api.js';
import { useWords, type Word } from './dictionary.js';

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

/** Whether the user may open, close and change the shelter at `place`: a manager whose place holds it. */
export function useManages(): (place: string) => boolean {
  const user = useUser();
  const may = useMay();
  return (place) =>
    may('setShelterState') &&
    user.placePath !== null &&
    (place === user.placePath || place.startsWith(`${user.placePath}.`));
}

/** How often the live screens ask again, ms. */
export const LIVE_MS = 10_000;

/** useApi, asked again every LIVE_MS while the page is visible (occupancy is live). */
export const useLive = <T,>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList) =>
  useLiveEvery(load, deps, LIVE_MS);

/** The room-left bands, for colours: closed, full, under 10 %, under 30 %, the rest. */
export const BANDS = [
  { key: 'closed', colour: '#9aa5b1', word: 'band.closed' },
  { key: 'full', colour: '#d13b3b', word: 'band.full' },
  { key: 'low', colour: '#f08a24', word: 'band.low' },
  { key: 'some', colour: '#e5b400', word: 'band.some' },
  { key: 'room', colour: '#2e9d5b', word: 'band.room' },
] as const satisfies readonly { key: string; colour: string; word: Word }[];

export type Band = (typeof BANDS)[number];

export function bandOf(s: Pick<Shelter, 'state' | 'available' | 'capacity'>): Band {
  const [closed, full, low, some, room] = BANDS;
  if (s.state !== 'open') return closed;
  if (s.available <= 0) return full;
  const share = s.capacity > 0 ? s.available / s.capacity : 0;
  return share < 0.1 ? low : share < 0.3 ? some : room;
}

export function StateBadge({ state }: { state: ShelterState }) {
  const { t } = useWords();
  return (
    <span className={`badge shelter-${state}`} data-state={state}>
      {t(`state.${state}`)}
    </span>
  );
}

export function Offers({ offers }: { offers: readonly Offer[] }) {
  const { t } = useWords();
  if (offers.length === 0) return <span className="muted">—</span>;
  return (
    <span className="offers">
      {offers.map((o) => (
        <span key={o} className="badge offer" data-offer={o}>
          {t(`offer.${o}`)}
        </span>
      ))}
    </span>
  );
}

/** Places left now, coloured by band (over capacity said as such). */
export function Available({ shelter }: { shelter: Pick<Shelter, 'state' | 'available' | 'capacity'> }) {
  const { t } = useWords();
  const band = bandOf(shelter);
  return (
    <span className="available" data-available={shelter.available}>
      <span className="swatch" style={{ background: band.colour }} aria-hidden="true" />
      {shelter.available < 0
        ? t('available.over', { n: -shelter.available })
        : t('available.value', { n: shelter.available })}
    </span>
  );
}

/** A distance in metres as people read it. */
export function useDistance(): (m: number) => string {
  const { t } = useWords();
  return (m) => (m < 1000 ? t('metres', { m: Math.round(m) }) : t('distance', { km: (m / 1000).toFixed(1) }));
}

/** The signed-in user's place (the check-in screen measures unregistered people from it). */
export function useUserPlace(): string | null {
  return useUser().placePath;
}

export { type Action, useAction } from '@renxing/ui/actions';

/** Figures as the dashboard shows them: a label over a number. */
export function Figures({
  figures,
  testId,
}: {
  figures: readonly { key: string; label: string; value: number | undefined }[];
  testId?: string;
}) {
  return (
    <dl className="figures" data-testid={testId}>
      {figures.map((f) => (
        <div key={f.key} className="figure" data-figure={f.key} data-value={f.value}>
          <dt>{f.label}</dt>
          <dd>{f.value === undefined ? '…' : f.value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
