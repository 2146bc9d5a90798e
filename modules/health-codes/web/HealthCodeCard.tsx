/** A health code as a live QR in its colour, with the headline; the QR is renewed before it expires. */

import type { HealthCode } from '@renxing/ui/api-types';
import { useFormatTime } from '@renxing/ui/controls';
import { fetchHealthCodeQr } from '@renxing/ui/endpoints';
import { useT } from '@renxing/ui/i18n';
import { useEffect, useState } from 'react';

const RENEW_MS = 4 * 60_000; // tokens live 5 minutes

/** An object URL of the person's current QR, renewed every few minutes and whenever the colour changes. */
function useQr(id: string | 'me', colour: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), RENEW_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    let made: string | null = null;
    fetchHealthCodeQr(id, controller.signal).then(
      (blob) => {
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      () => setUrl(null),
    );
    return () => {
      controller.abort();
      if (made) setTimeout(() => URL.revokeObjectURL(made!), 1000);
    };
  }, [id, colour, tick]);
  return url;
}

export function HealthCodeCard({ code, personId }: { code: HealthCode; personId: string | 'me' }) {
  const t = useT();
  const time = useFormatTime();
  const qr = useQr(personId, code.colour);
  const colour = t(`colour.${code.colour}`);
  return (
    <div className={`code-card colour-${code.colour}`} data-testid="code-card" data-colour={code.colour}>
      <span className="code-colour">{colour}</span>
      {qr ? (
        <img src={qr} alt={t('person.qrAlt', { colour })} width={220} height={220} />
      ) : (
        <div className="qr-placeholder" role="status">
          {t('common.loading')}
        </div>
      )}
      <span className="code-headline">{code.explanation.headline}</span>
      {code.since ? <small>{t('person.since', { time: time(code.since) })}</small> : null}
      <small>{t('person.codeLive')}</small>
    </div>
  );
}
