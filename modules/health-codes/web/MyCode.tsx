/** The resident's own view (mobile layout): my code as a QR, why it has this colour, what turns it green. */
import { ResidentTabs } from '@renxing/modules/participation/web';
import { ApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { getMyHealthCode } from '@renxing/ui/endpoints';
import { useT } from '@renxing/ui/i18n';
import { useApi } from '@renxing/ui/use-api';
import { HealthCodeCard } from './HealthCodeCard.js';

export function MyCode() {
  const t = useT();
  const time = useFormatTime();
  const code = useApi((signal) => getMyHealthCode(signal), []);
  const c = code.data;
  return (
    <div className="page resident">
      <ResidentTabs />
      <h1>{t('me.title')}</h1>
      {code.loading && !c ? <Loading /> : null}
      {code.error instanceof ApiError && code.error.notFound ? (
        <p className="muted">{t('me.noPerson')}</p>
      ) : code.error ? (
        <ErrorNote error={code.error} onRetry={code.reload} />
      ) : null}
      {c ? (
        <>
          <HealthCodeCard code={c} personId="me" />
          <Card title={t('me.why')}>
            <ul className="plain-list" data-testid="why">
              {c.explanation.why.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </Card>
          <Card title={t('me.toGreen')}>
            {c.colour === 'green' ? (
              <p>{t('me.green')}</p>
            ) : (
              <ol className="steps" data-testid="to-green">
                {c.explanation.toGreen.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ol>
            )}
          </Card>
          <p className="muted small">{t('me.updated', { time: time(new Date().toISOString()) })}</p>
        </>
      ) : null}
    </div>
  );
}
