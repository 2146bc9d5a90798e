/** An incident's timeline: activation, items raised, supply gaps, shelters, reviews, actions, revisions, closing. */
import { useFormatTime } from '@renxing/ui/controls';
import { type IncidentEvent, LEVELS, type Level, type TaskRole } from './api.js';
import { useWords } from './dictionary.js';
import { useObjectiveName } from './shared.js';

type Detail = Record<string, unknown>;
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const num = (x: unknown): number => (typeof x === 'number' ? x : 0);

/** One event in words; `places` names the incident's places by path. */
function useEventText(places: readonly { path: string; name: string }[]): (e: IncidentEvent) => string {
  const { t } = useWords();
  const name = useObjectiveName();
  const placeName = (path: unknown) => places.find((p) => p.path === path)?.name ?? String(path);
  return (e) => {
    const d = e.detail as Detail;
    switch (e.kind) {
      case 'activated':
        return t('event.activated', {
          level: LEVELS.includes(d.level as Level) ? t(`level.${d.level as Level}`) : String(d.level),
          version: num(d.version),
          places: list(d.places).map(placeName).join('、'),
        });
      case 'items_raised':
        return t('event.items_raised', {
          raised: num(d.raised),
          tasks: list(d.tasks).length,
          communities: num(d.communities),
        });
      case 'supply_gaps': {
        const gaps = list(d.gaps) as { item: string; gap: number; communitiesShort: number; place: string }[];
        const short = gaps.filter((g) => g.gap > 0 || g.communitiesShort > 0);
        return short.length === 0
          ? t('event.supply_gaps.none', { items: list(d.norms).length })
          : t('event.supply_gaps', {
              gaps: short
                .map((g) =>
                  t('event.gap', { item: g.item, gap: Math.round(g.gap * 100) / 100, n: g.communitiesShort }),
                )
                .join('；'),
            });
      }
      case 'shelters_opened':
        return t('event.shelters_opened', { opened: num(d.opened), asked: list(d.asked).length });
      case 'review': {
        const rated = list(d.rated) as { title: string; role: TaskRole | null; rating: string }[];
        const added = list(d.added);
        return t('event.review', {
          rated:
            rated.map((r) => `${name({ title: r.title, role: r.role ?? null })} ${r.rating}`).join('、') ||
            '—',
          added: added.length,
        });
      }
      case 'actions_added':
        return t('event.actions_added', {
          n: list(d.actions).length,
          titles: (list(d.actions) as { title: string }[]).map((a) => a.title).join('、'),
        });
      case 'action_closed':
        return t('event.action_closed', { version: num(d.version) });
      case 'closed':
        return t('event.closed');
    }
  };
}

export function Timeline({
  events,
  places,
}: {
  events: readonly IncidentEvent[];
  places: readonly { path: string; name: string }[];
}) {
  const time = useFormatTime();
  const text = useEventText(places);
  return (
    <ol className="plain-list incident-timeline" data-testid="timeline">
      {events.map((e) => (
        <li key={e.seq} data-kind={e.kind}>
          <time className="muted nowrap">{time(e.at)}</time> <span>{text(e)}</span>
          {e.actorName ? <span className="muted"> · {e.actorName}</span> : null}
        </li>
      ))}
    </ol>
  );
}
