/**
 * Requests and volunteers on a small map: each live request a circle at its point (red urgent,
 * blue normal), each verified volunteer a square, each match of the last run a line between them
 * with its distance. Its own SVG (equirectangular, fitted to the box, north up), as the shelters'.
 */
import type { VolunteerPoint } from '@renxing/modules/volunteers/web';
import { fitToBox } from '@renxing/ui/map-fit';
import type { AidRequest, BoardRow } from './api.js';
import { useWords } from './dictionary.js';
import { useDistance, useNeedName } from './shared.js';

const WIDTH = 640;
const HEIGHT = 360;
const PAD = 28;
const URGENT = '#d13b3b';
const NORMAL = '#2f6fd0';
const VOLUNTEER = '#2e9d5b';

export function AidMap({
  requests,
  volunteers,
  matches,
}: {
  requests: readonly AidRequest[];
  volunteers: readonly VolunteerPoint[];
  matches: readonly BoardRow[];
}) {
  const { t } = useWords();
  const needName = useNeedName();
  const distance = useDistance();
  const points = [...requests, ...volunteers];
  if (points.length === 0) return <p className="muted">{t('map.empty')}</p>;
  const { x, y } = fitToBox(points, { width: WIDTH, height: HEIGHT, pad: PAD });
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const volunteerById = new Map(volunteers.map((v) => [v.id, v]));
  return (
    <figure className="aid-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-label={t('map.label')} role="img" data-testid="aid-map">
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="map-bg" />
        {matches.map((m) => {
          const r = requestById.get(m.request);
          const v = m.volunteer ? volunteerById.get(m.volunteer) : undefined;
          if (!r || !v) return null;
          const label = t('map.line', {
            volunteer: v.name,
            name: r.requesterName,
            distance: distance(m.distanceM ?? 0),
          });
          return (
            <line
              key={`${m.request}-${v.id}`}
              x1={x(v.lon)}
              y1={y(v.lat)}
              x2={x(r.lon)}
              y2={y(r.lat)}
              className="match-line"
              data-request={m.request}
              data-volunteer={v.id}
            >
              <title>{label}</title>
            </line>
          );
        })}
        {requests.map((r) => (
          <circle
            key={r.id}
            cx={x(r.lon)}
            cy={y(r.lat)}
            r={r.urgency === 'urgent' ? 8 : 6}
            fill={r.urgency === 'urgent' ? URGENT : NORMAL}
            className={`request state-${r.state}`}
            data-request={r.id}
            data-state={r.state}
          >
            <title>
              {t('map.request', {
                name: r.requesterName,
                need: needName(r.need),
                urgency: t(`urgency.${r.urgency}`),
                state: t(`state.${r.state}`),
              })}
            </title>
          </circle>
        ))}
        {volunteers.map((v) => (
          <rect
            key={v.id}
            x={x(v.lon) - 6}
            y={y(v.lat) - 6}
            width={12}
            height={12}
            fill={VOLUNTEER}
            className="volunteer"
            data-volunteer={v.id}
          >
            <title>{t('map.volunteer', { name: v.name })}</title>
          </rect>
        ))}
      </svg>
      <figcaption>
        <ul className="legend">
          <li>
            <span className="swatch round" style={{ background: URGENT }} aria-hidden="true" />
            {t('legend.urgent')}
          </li>
          <li>
            <span className="swatch round" style={{ background: NORMAL }} aria-hidden="true" />
            {t('legend.normal')}
          </li>
          <li>
            <span className="swatch" style={{ background: VOLUNTEER }} aria-hidden="true" />
            {t('legend.volunteer')}
          </li>
          <li>
            <span className="swatch line" aria-hidden="true" />
            {t('legend.match')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
