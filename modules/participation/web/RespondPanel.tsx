/**
 * Handling one report: acknowledge, assign (to a department or person), respond (the text, public
 * where the reporter allows), close — only the steps its state allows — with its history.
 */
import { ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { getReport, type Report, type ResponseAction, respondReport } from './api.js';
import { useWords } from './dictionary.js';
import { useAction } from './shared.js';

/** The actions a state allows, in order. */
const NEXT: Record<Report['state'], readonly ResponseAction[]> = {
  submitted: ['acknowledge', 'assign', 'respond', 'close'],
  acknowledged: ['assign', 'respond', 'close'],
  assigned: ['respond', 'close'],
  responded: ['close'],
  closed: [],
};

export function RespondPanel({ report, onDone }: { report: Report; onDone: () => void }) {
  const { t } = useWords();
  const time = useFormatTime();
  const actions = NEXT[report.state];
  const [act, setAct] = useState<ResponseAction | undefined>(actions[0]);
  const [text, setText] = useState('');
  const [assignee, setAssignee] = useState('');
  const [pub, setPub] = useState(report.allowPublic ?? false);
  const action = useAction();
  const detail = useApi((signal) => getReport(report.id, signal), [report.id, report.state]);
  const submit = action.submit(async () => {
    if (!act) return;
    await respondReport(report.id, {
      action: act,
      ...(act === 'respond' ? { text: text.trim(), public: pub && report.allowPublic } : {}),
      ...(act === 'assign' ? { assignee: assignee.trim() } : {}),
      ...(act === 'close' && text.trim() ? { text: text.trim() } : {}),
    });
    setText('');
    onDone();
  });
  return (
    <div className="respond-panel stack" data-testid="respond-panel" data-report={report.id}>
      {act ? (
        <form
          className="stack"
          onSubmit={submit}
          aria-label={t('respond.named', { id: report.id.slice(0, 8) })}
        >
          <fieldset className="group actions-choice">
            <legend>{t('respond.action')}</legend>
            {actions.map((a) => (
              <label key={a} className="choice">
                <input
                  type="radio"
                  name={`act-${report.id}`}
                  checked={act === a}
                  onChange={() => setAct(a)}
                />
                {t(`action.${a}`)}
              </label>
            ))}
          </fieldset>
          {act === 'assign' ? (
            <Field label={t('respond.assignee')}>
              {(id) => (
                <input
                  id={id}
                  required
                  maxLength={200}
                  value={assignee}
                  onChange={(e) => setAssignee(e.target.value)}
                />
              )}
            </Field>
          ) : null}
          {act === 'respond' || act === 'close' ? (
            <Field label={t('respond.text')}>
              {(id) => (
                <textarea
                  id={id}
                  required={act === 'respond'}
                  maxLength={4000}
                  rows={3}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
              )}
            </Field>
          ) : null}
          {act === 'respond' ? (
            report.allowPublic ? (
              <label className="check">
                <input type="checkbox" checked={pub} onChange={(e) => setPub(e.target.checked)} />
                {t('respond.public')}
              </label>
            ) : (
              <p className="muted small">{t('respond.publicNotAllowed')}</p>
            )
          ) : null}
          <div className="row">
            <button type="submit" className="primary" disabled={action.busy}>
              {action.busy ? t('busy') : t(`action.${act}`)}
            </button>
          </div>
          {action.error ? <ErrorNote error={action.error} /> : null}
        </form>
      ) : null}
      <h4>{t('respond.history')}</h4>
      {detail.data ? (
        <ol className="history">
          {detail.data.events.map((e) => (
            <li key={`${e.at}-${e.action}`} data-action={e.action} data-state={e.toState}>
              <span className="muted small nowrap">{time(e.at)}</span>{' '}
              {e.action === 'reopen' ? t('board.reopened') : t(`state.${e.toState}`)}
              {e.actor ? <span className="muted small"> · {e.actor}</span> : null}
              {e.text ? <span className="small"> · {e.text}</span> : null}
            </li>
          ))}
        </ol>
      ) : detail.error ? (
        <ErrorNote error={detail.error} onRetry={detail.reload} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
