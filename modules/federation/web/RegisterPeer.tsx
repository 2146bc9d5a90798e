/** Registers (or updates) a peer city: code, name, URL, the places it covers, the agreement on identity. */
import { useAction } from '@renxing/ui/actions';
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { useState } from 'react';
import { type PeerKind, registerPeer } from './api.js';
import { useWords } from './dictionary.js';

/** "cd.jj, cd.wh" → ["cd.jj", "cd.wh"]; Chinese commas too. */
export const placesOf = (text: string) =>
  text
    .split(/[,，\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

export function RegisterPeer({ onRegistered }: { onRegistered: () => void }) {
  const { t } = useWords();
  const action = useAction();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PeerKind>('city');
  const [baseUrl, setBaseUrl] = useState('');
  const [places, setPlaces] = useState('');
  const [shareIdentity, setShareIdentity] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = action.submit(async () => {
    setDone(null);
    const listed = placesOf(places);
    const peer = await registerPeer({
      code: code.trim(),
      name: name.trim(),
      ...(kind === 'city' ? {} : { kind }),
      baseUrl: baseUrl.trim(),
      ...(listed.length > 0 ? { places: listed } : {}),
      shareIdentity,
    });
    setDone(t('register.done', { name: peer.name, n: peer.keys.length }));
    onRegistered();
  });

  return (
    <Card title={t('register.title')}>
      <form className="stack" onSubmit={submit} aria-label={t('register.title')}>
        <div className="form-grid">
          <Field label={t('register.code')} hint={t('register.codeHint')}>
            {(id) => (
              <input
                id={id}
                required
                pattern="[a-z][a-z0-9]{0,15}"
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('register.name')}>
            {(id) => (
              <input
                id={id}
                required
                maxLength={100}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('peers.kind')}>
            {(id) => (
              <select id={id} value={kind} onChange={(e) => setKind(e.target.value as PeerKind)}>
                <option value="city">{t('peerKind.city')}</option>
                <option value="department">{t('peerKind.department')}</option>
              </select>
            )}
          </Field>
          <Field label={t('register.url')} hint={t('register.urlHint')}>
            {(id) => (
              <input
                id={id}
                type="url"
                required
                value={baseUrl}
                onChange={(e) => setBaseUrl(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('register.places')} hint={t('register.placesHint')}>
            {(id) => <input id={id} value={places} onChange={(e) => setPlaces(e.target.value)} />}
          </Field>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={shareIdentity}
            onChange={(e) => setShareIdentity(e.target.checked)}
          />{' '}
          {t('register.shareIdentity')}
        </label>
        {action.error ? <ErrorNote error={action.error} /> : null}
        {done ? (
          <p className="ok" role="status">
            {done}
          </p>
        ) : null}
        <div>
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? t('busy') : t('register.submit')}
          </button>
        </div>
      </form>
    </Card>
  );
}
