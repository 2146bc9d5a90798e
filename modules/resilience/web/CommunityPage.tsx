/**
 * A community's resilience: its index (0–3) and rank, the radar of its three mechanisms and three
 * traits beside its latest self-assessment, its trends, the explanation from the index down to
 * each indicator's records, and what to do next (sendable to its inbox).
 */
import { Card, ErrorNote, Field, Loading } from '@renxing/ui/controls';
import { NotFound } from '@renxing/ui/NotFound';
import { useApi } from '@renxing/ui/use-api';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { AssessmentPanel } from './AssessmentPanel.js';
import { explainResilienceScore, getCommunityResilience } from './api.js';
import { useWords } from './dictionary.js';
import { ExplainTree } from './ExplainTree.js';
import { NextSteps, type StepInfo } from './NextSteps.js';
import { RADAR_AXES, ScoreRadar } from './ScoreRadar.js';
import { Figures, score, useCommunityName, useScoreName } from './shared.js';
import { Trends } from './Trends.js';
import './resilience.css';

export function CommunityPage() {
  const { t, lang } = useWords();
  const name = useCommunityName();
  const scoreName = useScoreName();
  const { path = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? undefined;
  const found = useApi((signal) => getCommunityResilience(path, date, signal), [path, date]);
  const explained = useApi(
    (signal) =>
      found.data?.run ? explainResilienceScore(path, found.data.run.date, signal) : Promise.resolve(null),
    [path, found.data?.run?.date],
  );
  const info = useMemo(() => {
    const map = new Map<string, StepInfo>();
    for (const m of explained.data?.mechanisms ?? [])
      for (const i of m.indicators) map.set(i.key, { title: i.title[lang], unit: i.unit });
    return map;
  }, [explained.data, lang]);
  if (found.error?.status === 404) return <NotFound />;
  if (found.error) return <ErrorNote error={found.error} onRetry={found.reload} />;
  const data = found.data;
  if (!data) return <Loading />;
  const { community, run, scores } = data;
  const title = name(community);
  const dates = data.history.map((h) => h.date).sort((a, b) => (a < b ? 1 : -1));
  const computed = scores ? Object.fromEntries(RADAR_AXES.map((a) => [a, scores[a]])) : null;
  return (
    <div className="page resilience" data-testid="resilience-community" data-community={community.path}>
      <p className="muted small">
        <Link to="/resilience">{t('community.back')}</Link>
        {' · '}
        {[community.districtName, community.streetName].filter(Boolean).join(' · ')}
      </p>
      <h1>{t('community.title', { name: title })}</h1>
      {!run ? (
        <p className="muted">{t('run.never')}</p>
      ) : (
        <>
          <div className="row">
            {dates.length > 1 ? (
              <Field label={t('run.date')}>
                {(id) => (
                  <select
                    id={id}
                    value={run.date}
                    onChange={(e) =>
                      setParams(e.target.value ? { date: e.target.value } : {}, { replace: true })
                    }
                  >
                    {dates.includes(run.date) ? null : <option value={run.date}>{run.date}</option>}
                    {dates.map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <p className="muted small">{t('community.date', { date: run.date })}</p>
            )}
          </div>
          <Figures
            testId="community-figures"
            figures={[
              {
                key: 'index',
                label: scoreName('index'),
                value: score(scores?.index),
                hint: t('community.indexOf'),
              },
              {
                key: 'rank',
                label: t('community.rank'),
                value: scores?.rank ? t('community.rankOf', { rank: scores.rank, n: run.communities }) : '—',
              },
              { key: 'indicators', label: t('community.indicators'), value: String(data.values.length) },
              { key: 'missing', label: t('community.missing'), value: String(data.missing.length) },
            ]}
          />
          <div className="resilience-pair">
            <Card title={t('community.radar')}>
              {scores ? (
                <ScoreRadar scores={scores} name={title} />
              ) : (
                <p className="muted">{t('community.noScores')}</p>
              )}
            </Card>
            {/* The self-assessment beside it (the assessment screens' panel). */}
            <AssessmentPanel path={community.path} computed={computed} />
          </div>
          <Card title={t('community.trends')}>
            <Trends history={data.history} />
          </Card>
          <Card title={t('community.explain')}>
            {explained.error ? <ErrorNote error={explained.error} onRetry={explained.reload} /> : null}
            {explained.data ? (
              <ExplainTree path={community.path} explanation={explained.data} />
            ) : (
              <Loading />
            )}
          </Card>
          <Card title={t('community.next')}>
            <p className="muted small">{t('next.lead')}</p>
            <NextSteps path={community.path} date={run.date} steps={data.next} info={info} />
          </Card>
        </>
      )}
    </div>
  );
}
