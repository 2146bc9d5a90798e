/**
 * One hand-off: its state and decision, the person it carries (a pseudonym; name, phone and ID
 * number only where the agreement shares them), the evidence, the deliveries of its messages and
 * its audit trail, and who read it why; a received one still to decide offers 接收 and 拒收 to those
 * who may. Every read of a hand-off is audited, so the page is not asked again by itself: 刷新 asks.
 */
import { Card, ColourBadge, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { useCan } from '@renxing/ui/sections';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { Fragment, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { type Evidence, getHandoff, type HandoffView } from './api.js';
import { DecideForm } from './DecideForm.js';
import { useWords, type Word } from './dictionary.js';
import { Deliveries, Reads, Trail } from './HandoffRecords.js';
import { handoffsHref } from './paths.js';
import { isoOf, KindLabel, StateBadge, useMay } from './shared.js';
import './federation.css';

function Facts({ h }: { h: HandoffView }) {
  const { t } = useWords();
  const time = useFormatTime();
  const user = useUser();
  const can = useCan();
  return (
    <Card title={t('detail.facts')}>
      <dl className="facts" data-testid="handoff-facts">
        <dt>{t('detail.direction')}</dt>
        <dd>
          {t(h.direction === 'in' ? 'detail.directionIn' : 'detail.directionOut', { peer: h.peerName })}
        </dd>
        <dt>{t('list.kind')}</dt>
        <dd>
          <KindLabel kind={h.kind} />
        </dd>
        <dt>{t('list.state')}</dt>
        <dd>
          <StateBadge state={h.state} />
        </dd>
        <dt>{t('list.homePlace')}</dt>
        <dd className="mono">{h.homePlace}</dd>
        <dt>{t('list.reason')}</dt>
        <dd>{h.reason}</dd>
        {h.purpose ? (
          <>
            <dt>{t('detail.purpose')}</dt>
            <dd>{h.purpose}</dd>
          </>
        ) : null}
        <dt>{t('detail.createdAt')}</dt>
        <dd>{time(h.createdAt)}</dd>
        <dt>{t('detail.decision')}</dt>
        <dd data-testid="decision-reason">{h.decisionReason ?? t('none')}</dd>
        <dt>{t('detail.decidedAt')}</dt>
        <dd>{time(h.decidedAt)}</dd>
        {h.direction === 'in' && h.caseId && can(user.role, 'cases') ? (
          <>
            <dt>{t('detail.localCase')}</dt>
            <dd>
              <Link to={`/cases/${encodeURIComponent(h.caseId)}`}>{t('detail.open')}</Link>
            </dd>
          </>
        ) : null}
        {h.direction === 'in' && h.personId && can(user.role, 'people') ? (
          <>
            <dt>{t('detail.localPerson')}</dt>
            <dd>
              <Link to={`/people/${encodeURIComponent(h.personId)}`}>{t('detail.open')}</Link>
            </dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}

function Person({ person }: { person: HandoffView['person'] }) {
  const { t } = useWords();
  const identity = person.name || person.phone || person.idNumber;
  return (
    <Card title={t('detail.person')}>
      <div data-testid="handoff-person">
        <dl className="facts">
          <dt>{t('detail.ref')}</dt>
          <dd className="mono handoff-ref">{person.ref}</dd>
          {person.name ? (
            <>
              <dt>{t('detail.name')}</dt>
              <dd>{person.name}</dd>
            </>
          ) : null}
          {person.phone ? (
            <>
              <dt>{t('detail.phone')}</dt>
              <dd className="mono">{person.phone}</dd>
            </>
          ) : null}
          {person.idNumber ? (
            <>
              <dt>{t('detail.idNumber')}</dt>
              <dd className="mono">{person.idNumber}</dd>
            </>
          ) : null}
        </dl>
        {identity ? null : <p className="muted small">{t('detail.pseudonymOnly')}</p>}
      </div>
    </Card>
  );
}

function EvidenceCard({ e }: { e: Evidence }) {
  const { t } = useWords();
  const time = useFormatTime();
  const rows: [keyof Evidence, Word, ReactNode][] = [];
  const add = (key: keyof Evidence, word: Word, value: ReactNode) => {
    if (e[key] !== undefined) rows.push([key, word, value]);
  };
  add('caseLabel', 'detail.caseLabel', e.caseLabel);
  add('confirmedAt', 'detail.confirmedAt', time(isoOf(e.confirmedAt)));
  add('cell', 'detail.cell', <span className="mono">{e.cell}</span>);
  add('overlapStart', 'detail.overlapStart', time(isoOf(e.overlapStart)));
  add('overlapEnd', 'detail.overlapEnd', time(isoOf(e.overlapEnd)));
  add(
    'overlapS',
    'detail.overlapS',
    t('detail.seconds', { s: e.overlapS ?? 0, min: Math.round((e.overlapS ?? 0) / 60) }),
  );
  add('colour', 'detail.colour', e.colour ? <ColourBadge colour={e.colour} /> : null);
  add('openTasks', 'detail.openTasks', e.openTasks);
  return (
    <Card title={t('detail.evidence')}>
      {rows.length === 0 ? <p className="muted">{t('detail.noEvidence')}</p> : null}
      <dl className="facts" data-testid="handoff-evidence">
        {rows.map(([key, word, value]) => (
          <Fragment key={key}>
            <dt>{t(word)}</dt>
            <dd data-evidence={key}>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </Card>
  );
}

export function HandoffPage() {
  const { t } = useWords();
  const may = useMay();
  const { id = '' } = useParams();
  const view = useApi((signal) => getHandoff(id, signal), [id]);
  const h = view.data;
  return (
    <div className="page handoff">
      <p className="row">
        <Link to={handoffsHref(h?.direction ?? 'in')}>{t('detail.back')}</Link>
        <button type="button" onClick={view.reload} disabled={view.loading}>
          {t('detail.refresh')}
        </button>
      </p>
      {h ? (
        <h1>
          {t('detail.title', { kind: t(`kind.${h.kind}`) })} <StateBadge state={h.state} />
        </h1>
      ) : null}
      {view.loading && !h ? <Loading /> : null}
      {view.error && !h ? <ErrorNote error={view.error} onRetry={view.reload} /> : null}
      {h ? (
        <>
          {h.direction === 'in' && h.state === 'received' && may('acceptHandoff') ? (
            <DecideForm handoffId={h.id} onDecided={view.reload} />
          ) : null}
          <div className="grid-2">
            <Facts h={h} />
            <div className="stack">
              <Person person={h.person} />
              <EvidenceCard e={h.evidence as Evidence} />
            </div>
          </div>
          <Deliveries deliveries={h.deliveries} />
          <Trail trail={h.trail} />
          {h.reads ? <Reads reads={h.reads} /> : null}
        </>
      ) : null}
    </div>
  );
}
