/** Corrective actions, each closed one beside the revision that closed it and that revision's diff. */
import { useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CorrectiveAction } from './api.js';
import { DiffView } from './DiffView.js';
import { useWords } from './dictionary.js';
import { incidentHref, planHref } from './index.js';
import { RatingBadge, useObjectiveName } from './shared.js';

type Row = CorrectiveAction;

function Revision({ action }: { action: Row }) {
  const { t } = useWords();
  const time = useFormatTime();
  const [open, setOpen] = useState(false);
  if (!action.closedBy) return null;
  const { revision } = action;
  return (
    <div className="stack">
      <span>
        {t('actions.closedBy', { n: action.closedBy.number, at: time(action.closedBy.publishedAt) })}{' '}
        <Link to={`${planHref(action.plan.id)}`}>{action.plan.title}</Link>
      </span>
      {revision ? (
        <>
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open
              ? t('actions.hideDiff')
              : t('actions.showDiff', { from: revision.from ?? 0, to: revision.to })}
          </button>
          {open ? <DiffView diff={revision.diff} testId={`action-diff-${action.id}`} /> : null}
        </>
      ) : null}
    </div>
  );
}

export function ActionList({
  actions,
  now,
  showIncident = false,
  testId,
}: {
  actions: readonly Row[];
  /** For overdue: epoch ms. */
  now: number;
  showIncident?: boolean;
  testId?: string;
}) {
  const { t } = useWords();
  const time = useFormatTime();
  const objectiveName = useObjectiveName();
  return (
    <DataTable
      columns={[
        t('actions.title'),
        t('actions.objective'),
        t('actions.owner'),
        t('actions.due'),
        t('actions.element'),
        t('actions.state'),
      ]}
      testId={testId}
      empty={actions.length === 0 ? t('actions.none') : null}
    >
      {actions.map((a) => {
        const overdue = !a.closedBy && Date.parse(a.due) < now;
        return (
          <tr key={a.id} data-action={a.id} data-state={a.closedBy ? 'closed' : overdue ? 'overdue' : 'open'}>
            <td>
              {a.title}
              {showIncident ? (
                <>
                  {' '}
                  <Link className="muted" to={incidentHref(a.incidentId)}>
                    {t('actions.incident')}
                  </Link>
                </>
              ) : null}
            </td>
            <td>
              {objectiveName(a.objective)} <RatingBadge rating={a.objective.rating} />
            </td>
            <td>{a.owner.name}</td>
            <td className={`nowrap ${overdue ? 'overdue' : ''}`}>{time(a.due)}</td>
            <td>{t(`element.${a.element}`)}</td>
            <td>
              {a.closedBy ? (
                <Revision action={a} />
              ) : (
                <span className={`badge ${overdue ? 'action-overdue' : 'action-open'}`}>
                  {overdue ? t('actions.overdue') : t('actions.open')}
                </span>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
