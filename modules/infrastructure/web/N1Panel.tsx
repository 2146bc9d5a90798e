/**
 * The N-1 analysis as the drill screen shows it: when it was computed, each community's single
 * points of failure with the people at risk, the rows behind them, and a button that recomputes it.
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { getN1Analysis, type N1Analysis, runN1Analysis } from './api.js';
import { useWords } from './dictionary.js';
import { assetHref } from './index.js';
import { sortKinds } from './kinds.js';
import { useAction, useKindName, useMay } from './shared.js';

export function N1Panel({
  onLoaded,
}: {
  /** Called with the analysis shown, each time it changes. */
  onLoaded: (n1: N1Analysis | null) => void;
}) {
  const { t, lang } = useWords();
  const sep = lang === 'zh-CN' ? '、' : ', ';
  const may = useMay();
  const time = useFormatTime();
  const kindName = useKindName();
  // The stored analysis (none yet: null), then whatever a recomputation answers.
  const stored = useApi((signal) => getN1Analysis(signal).catch(() => null), []);
  const [fresh, setFresh] = useState<N1Analysis | null>(null);
  const n1 = fresh ?? stored.data ?? null;
  const action = useAction();
  useEffect(() => onLoaded(n1), [n1, onLoaded]);
  const names = new Map((n1?.rows ?? []).map((r) => [r.asset, r.assetName]));
  const spofs = [...(n1?.spofs ?? [])].sort(
    (a, b) => b.peopleAtRisk - a.peopleAtRisk || (a.name < b.name ? -1 : 1),
  );
  return (
    <Card
      title={t('n1.title')}
      actions={
        <span className="row">
          <span className="muted small" data-testid="n1-computed">
            {n1?.computedAt ? t('n1.at', { time: time(n1.computedAt) }) : t('n1.none')}
          </span>
          {may('runN1Analysis') ? (
            <button
              type="button"
              disabled={action.busy}
              onClick={() =>
                action.run(async () => {
                  setFresh(await runN1Analysis());
                })
              }
            >
              {action.busy ? t('busy') : t('n1.run')}
            </button>
          ) : null}
        </span>
      }
    >
      <p className="muted small">{t('n1.lead')}</p>
      {action.error ? <ErrorNote error={action.error} /> : null}
      {stored.loading && !n1 ? <Loading /> : null}
      {n1 ? (
        <>
          <DataTable
            testId="n1-spofs"
            columns={[t('n1.community'), t('n1.services'), t('n1.spofs'), t('n1.atRisk')]}
            empty={spofs.length === 0 ? t('n1.noSpofs') : null}
          >
            {spofs.map((s) => (
              <tr key={s.communityId} data-community={s.communityId} data-people={s.peopleAtRisk}>
                <td>{s.name}</td>
                <td>
                  {sortKinds(s.services.map((x) => x.kind))
                    .map(kindName)
                    .join(sep)}
                </td>
                <td>
                  <span className="asset-links">
                    {s.assets.map((a) => (
                      <Link key={a} to={assetHref(a)}>
                        {names.get(a) ?? a}
                      </Link>
                    ))}
                  </span>
                </td>
                <td className="num">{s.peopleAtRisk.toLocaleString()}</td>
              </tr>
            ))}
          </DataTable>
          {n1.rows.length > 0 ? (
            <details className="n1-rows">
              <summary>{t('n1.rows', { n: n1.rows.length })}</summary>
              <DataTable
                testId="n1-rows"
                columns={[t('n1.asset'), t('n1.kind'), t('n1.community'), t('n1.lost')]}
              >
                {n1.rows.map((r) => (
                  <tr key={`${r.asset}:${r.kind}:${r.community}`}>
                    <td>
                      <Link to={assetHref(r.asset)}>{r.assetName}</Link>
                    </td>
                    <td>{kindName(r.kind)}</td>
                    <td>{r.communityName}</td>
                    <td className="num">{r.populationLost.toLocaleString()}</td>
                  </tr>
                ))}
              </DataTable>
            </details>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
