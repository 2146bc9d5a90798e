/**
 * The messages of a resident or a volunteer (消息): what they were told — a request of theirs that
 * moved, a report acknowledged or responded to — newest first, unread marked, each marked read here.
 */
import { ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { listMyNotifications, markNotificationRead, type Notification } from './api.js';
import { useWords } from './dictionary.js';
import { ResidentTabs } from './ResidentTabs.js';
import { useAction, useLive } from './shared.js';
import './participation.css';

function Notice({ notice, onRead }: { notice: Notification; onRead: () => void }) {
  const { t } = useWords();
  const time = useFormatTime();
  const action = useAction();
  const unread = notice.readAt === null;
  return (
    <li
      className={`my-card notice ${unread ? 'unread' : ''}`}
      data-testid="notice"
      data-kind={notice.kind}
      data-ref={notice.ref ?? ''}
    >
      <div className="card-line">
        {unread ? <span className="badge unread">{t('notices.unread')}</span> : null}
        <strong>{notice.subject}</strong>
        <span className="muted small nowrap">{time(notice.createdAt)}</span>
      </div>
      <div className="notice-text">{notice.text}</div>
      {unread ? (
        <button
          type="button"
          className="link"
          disabled={action.busy}
          onClick={() =>
            action.run(async () => {
              await markNotificationRead([notice.id]);
              onRead();
            })
          }
        >
          {t('notices.read')}
        </button>
      ) : null}
      {action.error ? <ErrorNote error={action.error} /> : null}
    </li>
  );
}

export function NoticesPage() {
  const { t } = useWords();
  const notices = useLive((signal) => listMyNotifications(signal), [], 10_000);
  const list = notices.data?.notifications ?? [];
  return (
    <div className="page participation resident">
      <ResidentTabs />
      <h1>{t('notices.title')}</h1>
      {notices.loading && !notices.data ? <Loading /> : null}
      {notices.error ? <ErrorNote error={notices.error} onRetry={notices.reload} /> : null}
      {notices.data && list.length === 0 ? <p className="muted">{t('notices.none')}</p> : null}
      <ul className="my-list" data-testid="notices">
        {list.map((n) => (
          <Notice key={n.id} notice={n} onRead={notices.reload} />
        ))}
      </ul>
    </div>
  );
}
