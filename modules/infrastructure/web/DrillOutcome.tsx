/**
 * A drill's outcome: how many assets failed, communities and people affected; the services lost by
 * kind; each community with the services it loses and its people; the assets failed; and the
 * shelters and supply stores in the communities affected (where people may go, and what is there).
 */
import { shelterHref } from '@renxing/modules/shelters/web';
import { Card } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { Link } from 'react-router';
import type { DrillResult } from './api.js';
import { useWords } from './dictionary.js';
import { assetHref } from './index.js';
import { sortKinds } from './kinds.js';
import { lossByKind } from './losses.js';
import { Figures, KindBadge, useKindName } from './shared.js';

export function DrillOutcome({ result }: { result: DrillResult }) {
  const { t, lang } = useWords();
  const kindName = useKindName();
  const people = result.communities.reduce((n, c) => n + c.people, 0);
  const communities = [...result.communities].sort(
    (a, b) => b.people - a.people || (a.name < b.name ? -1 : 1),
  );
  const sep = lang === 'zh-CN' ? '、' : ', ';
  return (
    <Card title={t('drill.result')}>
      <div className="stack" data-testid="drill-result" data-failed={result.failed.length}>
        <Figures
          testId="drill-figures"
          figures={[
            { key: 'failed', label: t('drill.failed'), value: result.failed.length },
            {
              key: 'communities',
              label: t('drill.communities'),
              value: result.communities.length,
              tone: 'overdue',
            },
            { key: 'people', label: t('drill.people'), value: people, tone: 'overdue' },
            { key: 'shelters', label: t('drill.shelters'), value: result.shelters.length },
            { key: 'stores', label: t('drill.stores'), value: result.stores.length },
          ]}
        />
        <h3>{t('drill.communities')}</h3>
        <DataTable
          testId="drill-communities"
          columns={[t('drill.community'), t('drill.lost'), t('drill.people')]}
          empty={communities.length === 0 ? t('drill.noLoss') : null}
        >
          {communities.map((c) => (
            <tr key={c.communityId} data-community={c.communityId} data-people={c.people}>
              <td>{c.name}</td>
              <td>{sortKinds(c.kinds).map(kindName).join(sep)}</td>
              <td className="num">{c.people.toLocaleString()}</td>
            </tr>
          ))}
        </DataTable>
        {result.rows.length > 0 ? (
          <>
            <h3>{t('drill.byKind')}</h3>
            <DataTable
              testId="drill-kinds"
              columns={[t('drill.kind'), t('drill.kindCommunities'), t('drill.kindPeople')]}
            >
              {lossByKind(result.rows).map((k) => (
                <tr key={k.kind} data-kind={k.kind}>
                  <td>
                    <KindBadge kind={k.kind} />
                  </td>
                  <td className="num">{k.communities.toLocaleString()}</td>
                  <td className="num">{k.people.toLocaleString()}</td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : null}
        <h3>{t('drill.shelters')}</h3>
        <DataTable
          testId="drill-shelters"
          columns={[
            t('drill.shelter'),
            t('drill.place'),
            t('drill.shelterState'),
            t('drill.capacity'),
            t('drill.occupancy'),
          ]}
          empty={result.shelters.length === 0 ? t('drill.noShelters') : null}
        >
          {result.shelters.map((s) => (
            <tr key={s.id} data-shelter={s.id}>
              <td>
                <Link to={shelterHref(s.id)}>{s.name}</Link>
              </td>
              <td>{s.placeName}</td>
              <td>{t(s.state === 'open' ? 'drill.shelterOpen' : 'drill.shelterClosed')}</td>
              <td className="nowrap">
                {s.capacityDay.toLocaleString()} / {s.capacityNight.toLocaleString()}
              </td>
              <td className="num">{s.occupancy.toLocaleString()}</td>
            </tr>
          ))}
        </DataTable>
        <h3>{t('drill.stores')}</h3>
        <DataTable
          testId="drill-stores"
          columns={[t('drill.store'), t('drill.place')]}
          empty={result.stores.length === 0 ? t('drill.noStores') : null}
        >
          {result.stores.map((s) => (
            <tr key={s.id} data-store={s.id}>
              <td>{s.name}</td>
              <td>{s.placeName}</td>
            </tr>
          ))}
        </DataTable>
        <details>
          <summary>{t('drill.failedList', { n: result.failed.length })}</summary>
          <ul className="asset-links" data-testid="drill-failed">
            {result.assets.map((a) => (
              <li key={a.id}>
                <Link to={assetHref(a.id)}>{a.name}</Link> <span className="muted small">{a.placeName}</span>
              </li>
            ))}
          </ul>
        </details>
      </div>
    </Card>
  );
}
