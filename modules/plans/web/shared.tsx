/** What plans' screens share: who may do what, badges for hazards, levels and ratings, place lists. */
import { useMayIn } from '@renxing/ui/actions';
import { ACCESS } from '../access.js';
import type { Hazard, Level, Rating, TaskRole } from './api.js';
import { useWords } from './dictionary.js';

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

export function HazardBadge({ hazard }: { hazard: Hazard }) {
  const { t } = useWords();
  return (
    <span className={`badge hazard hazard-${hazard}`} data-hazard={hazard}>
      {t(`hazard.${hazard}`)}
    </span>
  );
}

export function LevelBadge({ level }: { level: Level }) {
  const { t } = useWords();
  return (
    <span className={`badge level level-${level}`} data-level={level}>
      {t(`level.${level}`)}
    </span>
  );
}

export function RatingBadge({ rating }: { rating: Rating | null }) {
  const { t } = useWords();
  if (rating === null) return <span className="badge rating rating-none">{t('rating.none')}</span>;
  return (
    <span className={`badge rating rating-${rating}`} data-rating={rating} title={t(`rating.${rating}`)}>
      {rating}
    </span>
  );
}

/** An objective's name: its role's, when it is a role's task group, else its title. */
export function useObjectiveName(): (o: { title: string; role: TaskRole | null }) => string {
  const { t } = useWords();
  return (o) => (o.role ? t(`role.${o.role}`) : o.title);
}

/** Places by name, their paths on hover. */
export function PlaceNames({ places }: { places: readonly { path: string; name: string }[] }) {
  return (
    <span className="plan-places">
      {places.map((p) => (
        <span key={p.path} className="nowrap" title={p.path}>
          {p.name}
        </span>
      ))}
    </span>
  );
}

/** A share (0..1, or null) as a percentage with no decimal. */
export const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** Figures as the dashboard shows them: a label over a value. */
export function Figures({
  figures,
  testId,
}: {
  figures: readonly { key: string; label: string; value: string | number; tone?: string }[];
  testId?: string;
}) {
  return (
    <dl className="figures" data-testid={testId}>
      {figures.map((f) => (
        <div key={f.key} className={`figure ${f.tone ? `figure-${f.tone}` : ''}`} data-figure={f.key}>
          <dt>{f.label}</dt>
          <dd>{typeof f.value === 'number' ? f.value.toLocaleString() : f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
