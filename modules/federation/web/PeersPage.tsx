/**
 * 对接城市 (peer cities): code, name, URL, the places each covers, whether the agreement shares
 * identity, its key ids and when they were read; the city admin registers one (its keys read
 * from its URL).
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { Link } from 'react-router';
import { listPeers } from './api.js';
import { useWords } from './dictionary.js';
import { HANDOFFS_HREF } from './paths.js';
import { RegisterPeer } from './RegisterPeer.js';
import { useMay } from './shared.js';
import './federation.css';

export function PeersPage() {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const peers = useApi((signal) => listPeers(signal), []);
  return (
    <div className="page peers">
      <h1>{t('peers.title')}</h1>
      <p className="muted">{t('peers.lead')}</p>
      <p>
        <Link to={HANDOFFS_HREF}>{t('list.title')}</Link>
      </p>
      <Card title={t('peers.list')}>
        {peers.loading && !peers.data ? <Loading /> : null}
        {peers.error ? <ErrorNote error={peers.error} onRetry={peers.reload} /> : null}
        {peers.data ? (
          <DataTable
            columns={[
              t('peers.code'),
              t('peers.name'),
              t('peers.kind'),
              t('peers.url'),
              t('peers.places'),
              t('peers.shareIdentity'),
              t('peers.keys'),
              t('peers.keysFetchedAt'),
            ]}
            testId="peers"
            empty={peers.data.length === 0 ? t('peers.none') : null}
          >
            {peers.data.map((p) => (
              <tr key={p.code} data-peer={p.code}>
                <td className="mono">{p.code}</td>
                <td>{p.name}</td>
                <td>{t(`peerKind.${p.kind ?? 'city'}`)}</td>
                <td className="mono">{p.baseUrl}</td>
                <td className="mono">{p.places.join(', ')}</td>
                <td>{t(p.shareIdentity ? 'yes' : 'no')}</td>
                <td className="mono handoff-keys">{p.keys.join(', ')}</td>
                <td className="nowrap">{p.keysFetchedAt ? time(p.keysFetchedAt) : t('peers.keysGiven')}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Card>
      {may('registerPeerCity') ? <RegisterPeer onRegistered={peers.reload} /> : null}
    </div>
  );
}
