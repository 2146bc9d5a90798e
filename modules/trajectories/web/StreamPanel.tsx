/**
 * The city-scale stream, asked again every 2 s while the page is shown: off, a note saying how to
 * turn it on; on, the totals (messages behind, pings built, stays held), each partition's and
 * shard's progress and owner — lag highlighted when behind — and the live roles with their last
 * heartbeat. NATS not answering shows as an error while the panel keeps asking.
 */
import { useLive } from '@renxing/ui/actions';
import { cityFormat } from '@renxing/ui/city-time';
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import type { StreamMember, StreamPartition, StreamShard, StreamStatus } from './api.js';
import { getStreamStatus } from './api.js';
import { useWords } from './dictionary.js';
import { Figures } from './shared.js';

/** How often the panel asks (ms). */
export const STREAM_REFRESH_MS = 2000;

function Lag({ lag }: { lag: number }) {
  const { t } = useWords();
  return (
    <td className={lag > 0 ? 'lag-behind' : 'lag-none'} data-lag={lag}>
      {lag > 0 ? t('stream.behind', { lag: lag.toLocaleString() }) : t('stream.caughtUp')}
    </td>
  );
}

function Owner({ owner }: { owner: string | null }) {
  const { t } = useWords();
  return owner ? <td className="mono">{owner}</td> : <td className="muted">{t('stream.noOwner')}</td>;
}

function useEpochTime(): (seconds: number | null) => string {
  const { lang } = useWords();
  const f = cityFormat(lang, { dateStyle: 'short', timeStyle: 'medium', hour12: false });
  return (seconds) => (seconds === null ? '—' : f.format(new Date(seconds * 1000)));
}

function Partitions({ partitions }: { partitions: readonly StreamPartition[] }) {
  const { t } = useWords();
  const time = useEpochTime();
  return (
    <DataTable
      columns={[
        t('stream.partition'),
        t('stream.published'),
        t('stream.built'),
        t('stream.lag'),
        t('stream.pings'),
        t('stream.duplicates'),
        t('stream.latest'),
        t('stream.owner'),
      ]}
      testId="stream-partitions"
    >
      {partitions.map((p) => (
        <tr key={p.partition} data-partition={p.partition} className={p.lag > 0 ? 'overdue' : undefined}>
          <td>{p.partition}</td>
          <td>{p.published.toLocaleString()}</td>
          <td>{p.built.toLocaleString()}</td>
          <Lag lag={p.lag} />
          <td>{p.pings.toLocaleString()}</td>
          <td>{p.duplicates.toLocaleString()}</td>
          <td className="nowrap">{time(p.maxInstant)}</td>
          <Owner owner={p.owner} />
        </tr>
      ))}
    </DataTable>
  );
}

function Shards({ shards }: { shards: readonly StreamShard[] }) {
  const { t } = useWords();
  return (
    <DataTable
      columns={[
        t('stream.shard'),
        t('stream.published'),
        t('stream.applied'),
        t('stream.lag'),
        t('stream.stays'),
        t('stream.owner'),
      ]}
      testId="stream-shards"
    >
      {shards.map((s) => (
        <tr key={s.shard} data-shard={s.shard} className={s.lag > 0 ? 'overdue' : undefined}>
          <td>{s.shard}</td>
          <td>{s.published.toLocaleString()}</td>
          <td>{s.applied.toLocaleString()}</td>
          <Lag lag={s.lag} />
          <td>{s.stays === null ? t('none') : s.stays.toLocaleString()}</td>
          <Owner owner={s.owner} />
        </tr>
      ))}
    </DataTable>
  );
}

function Members({ members, at }: { members: readonly StreamMember[]; at: number }) {
  const { t } = useWords();
  const sorted = [...members].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return (
    <DataTable
      columns={[t('stream.kind'), t('stream.id'), t('stream.seen')]}
      empty={members.length === 0 ? t('stream.noMembers') : null}
      testId="stream-members"
    >
      {sorted.map((m) => (
        <tr key={`${m.kind}:${m.id}`} data-member={m.id} data-kind={m.kind}>
          <td>{t(`stream.kind.${m.kind}`)}</td>
          <td className="mono">{m.id}</td>
          <td className="nowrap">{t('stream.seenAgo', { seconds: Math.max(0, at - m.seenAt) })}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function StreamOn({ status }: { status: StreamStatus }) {
  const { t } = useWords();
  const totals = status.totals ?? { lag: 0, pings: 0, stays: 0 };
  return (
    <div className="stack" data-testid="stream-on">
      <Figures
        testId="stream-totals"
        figures={[
          {
            key: 'lag',
            label: t('stream.lag'),
            value: totals.lag,
            tone: totals.lag > 0 ? 'overdue' : 'green',
          },
          { key: 'pings', label: t('stream.pings'), value: totals.pings },
          { key: 'stays', label: t('stream.stays'), value: totals.stays },
        ]}
      />
      <h3>{t('stream.partitions')}</h3>
      <Partitions partitions={status.partitions ?? []} />
      <h3>{t('stream.shards')}</h3>
      <Shards shards={status.shards ?? []} />
      <h3>{t('stream.members')}</h3>
      <Members members={status.members ?? []} at={status.at ?? Math.floor(Date.now() / 1000)} />
    </div>
  );
}

export function StreamPanel() {
  const { t } = useWords();
  const status = useLive((signal) => getStreamStatus(signal), [], STREAM_REFRESH_MS);
  const data = status.data;
  return (
    <Card title={t('stream.title')}>
      <p className="muted small">{t('stream.lead')}</p>
      {status.error ? <ErrorNote error={status.error} onRetry={status.reload} /> : null}
      {!data && !status.error ? <Loading /> : null}
      {data && !data.enabled ? (
        <div className="stack" data-testid="stream-off">
          <p>{t('stream.off')}</p>
          <p className="muted">{t('stream.howTo')}</p>
        </div>
      ) : null}
      {data?.enabled ? <StreamOn status={data} /> : null}
    </Card>
  );
}
