/**
 * Sampling at a site, on a phone: the round and the site chosen once (remembered on this device),
 * then a loop — scan a tube (kept until it is full, sealed or changed), scan a person (their
 * health-code QR, ID number or phone in one box), Enter registers the swab. The tube's fill, the
 * person's position, a duplicate, a second sample in the round and every refusal show at once;
 * the box is cleared and focused again for the next scan.
 */
import type { ApiError } from '@renxing/ui/client';
import { ErrorNote } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { getRound, getTube, registerSample, type Scanned, sealTube } from './api.js';
import { useWords, type Word } from './dictionary.js';
import { InputField, useAction } from './fields.js';
import { Choose, guessPerson, readSetup, type Setup, writeSetup } from './SamplingSetup.js';
import { ZoneBadge } from './shared.js';
import './screening.css';

/** A box a scanner types into: large, and nothing the phone would add to what it reads. */
const SCAN_BOX = { className: 'scan-input', autoComplete: 'off', spellCheck: false } as const;

type Fill = { tube: string; members: number; k: number };

type Note =
  | { tone: 'ok' | 'dup'; text: string; also: string | null }
  | { tone: 'refused'; text: string; code: string }
  | { tone: 'info'; text: string };

function useSessionCount(siteId: string): [number, (n: number) => void] {
  const key = `rx.screening.count.${siteId}`;
  const [count, setCount] = useState(() => Number(sessionStorage.getItem(key)) || 0);
  const set = (n: number) => {
    setCount(n);
    try {
      sessionStorage.setItem(key, String(n));
    } catch {
      // counted on screen only
    }
  };
  return [count, set];
}

function Scanner({ setup, onChange }: { setup: Setup; onChange: () => void }) {
  const { t } = useWords();
  const round = useApi((signal) => getRound(setup.roundId, signal), [setup.roundId]);
  const site = round.data?.sites.find((s) => s.id === setup.siteId);
  const [tube, setTube] = useState('');
  const [tubeText, setTubeText] = useState('');
  const [personText, setPersonText] = useState('');
  const [single, setSingle] = useState(false);
  const [fill, setFill] = useState<Fill | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const action = useAction(refused);
  const busy = action.busy;
  const [count, setCount] = useSessionCount(setup.siteId);
  const tubeBox = useRef<HTMLInputElement>(null);
  const personBox = useRef<HTMLInputElement>(null);

  // The box for the next scan has the focus: the person's while a tube is open, else the tube's.
  useEffect(() => {
    if (busy) return;
    (tube ? personBox : tubeBox).current?.focus();
  }, [tube, busy]);

  function closeTube() {
    setTube('');
    setTubeText('');
  }

  function refused(e: ApiError) {
    setNote({ tone: 'refused', text: t('sample.refused', { message: e.message }), code: e.code });
    // A tube that takes no more is put aside; the person's text stays, chosen, for a corrected scan.
    if (e.code === 'RX_TUBE_FULL' || e.code === 'RX_TUBE_SEALED' || e.code === 'RX_TUBE_OTHER_ROUND')
      closeTube();
    else requestAnimationFrame(() => personBox.current?.select());
  }

  async function openTube(e: FormEvent) {
    e.preventDefault();
    const barcode = tubeText.trim();
    if (!barcode) return;
    setTube(barcode);
    setNote(null);
    setFill(null);
    // An existing tube shows its fill at once; a new one opens at the first swab.
    try {
      const known = await getTube(barcode);
      setFill({ tube: known.barcode, members: known.members, k: known.k });
      if (known.sealedAt) {
        setNote({
          tone: 'refused',
          text: t('sample.sealed', { tube: known.barcode, members: known.members, k: known.k }),
          code: 'RX_TUBE_SEALED',
        });
        closeTube();
      }
    } catch {
      // not yet a tube (or not one this user reaches): the first scan says which
    }
  }

  async function scan(e: FormEvent) {
    e.preventDefault();
    const text = personText.trim();
    if (!text || !tube || busy) return;
    await action.run(async () => {
      const r: Scanned = await registerSample({
        siteId: setup.siteId,
        tube,
        k: single ? 1 : undefined,
        person: guessPerson(text).person,
      });
      setFill({ tube: r.tube.barcode, members: r.tube.members, k: r.tube.k });
      const also = r.alsoInRound.map((x) => x.barcode).join(', ');
      setNote({
        tone: r.duplicate ? 'dup' : 'ok',
        text: t(r.duplicate ? 'sample.duplicate' : 'sample.registered', {
          name: r.person.name,
          tube: r.tube.barcode,
          position: r.position,
        }),
        also: r.alsoInRound.length > 0 ? t('sample.alsoInRound', { name: r.person.name, tubes: also }) : null,
      });
      if (!r.duplicate) setCount(count + 1);
      setPersonText('');
      if (r.tube.full || r.tube.sealed) closeTube();
    });
  }

  const seal = (barcode: string) =>
    action.run(async () => {
      const s = await sealTube(barcode);
      setFill({ tube: s.barcode, members: s.members, k: s.k });
      setNote({ tone: 'info', text: t('sample.sealed', { tube: s.barcode, members: s.members, k: s.k }) });
      closeTube();
    });

  const guessed = personText.trim() ? guessPerson(personText).kind : null;
  const shown = fill && (fill.tube === tube || !tube) ? fill : null;
  return (
    <div className="scanner" data-testid="scanner">
      <div className="scan-head">
        <span>
          {round.data ? round.data.round.name : '…'} · {site ? site.name : '…'}{' '}
          {site ? <ZoneBadge zone={site.zone} /> : null}
        </span>
        <button type="button" className="link" onClick={onChange}>
          {t('sample.change')}
        </button>
      </div>
      {round.error ? <ErrorNote error={round.error} onRetry={round.reload} /> : null}
      <p className="scan-count" data-testid="scan-count" data-count={count} role="status">
        {t('sample.count', { n: count })}
      </p>

      {tube ? (
        <div className="tube-card" data-testid="current-tube" data-tube={tube}>
          <span className="muted">{t('sample.currentTube')}</span>
          <strong className="mono tube-code">{tube}</strong>
          <div className="tube-actions">
            <button type="button" onClick={() => seal(tube)} disabled={busy}>
              {t('sample.seal')}
            </button>
            <button type="button" onClick={closeTube} disabled={busy}>
              {t('sample.newTube')}
            </button>
          </div>
        </div>
      ) : (
        <form className="scan-form" onSubmit={openTube}>
          <InputField
            {...SCAN_BOX}
            label={t('sample.tube')}
            hint={t('sample.tubeHint')}
            ref={tubeBox}
            value={tubeText}
            onValue={setTubeText}
            autoCapitalize="characters"
            enterKeyHint="next"
            maxLength={64}
          />
        </form>
      )}

      {shown ? (
        <div className="fill" data-testid="tube-fill" data-members={shown.members} data-k={shown.k}>
          <span className="fill-number" aria-hidden="true">
            {t('sample.fill', shown)}
          </span>
          <span className="sr-only">{t('sample.fillLabel', shown)}</span>
          <span className="fill-bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, (shown.members / shown.k) * 100)}%` }} />
          </span>
        </div>
      ) : null}

      <form className="scan-form" onSubmit={scan}>
        <InputField
          {...SCAN_BOX}
          label={t('sample.person')}
          hint={guessed ? t(`sample.guess.${guessed}` as Word) : t('sample.personHint')}
          ref={personBox}
          value={personText}
          onValue={setPersonText}
          disabled={!tube}
          autoCapitalize="off"
          enterKeyHint="send"
          maxLength={2000}
        />
        <label className="check">
          <input type="checkbox" checked={single} onChange={(e) => setSingle(e.target.checked)} />
          {t('sample.single')}
        </label>
      </form>

      {note ? (
        <div
          className={`scan-note ${note.tone}`}
          role={note.tone === 'refused' ? 'alert' : 'status'}
          data-testid="scan-note"
          data-tone={note.tone}
          data-code={'code' in note ? note.code : undefined}
        >
          <p>{note.text}</p>
          {'also' in note && note.also ? (
            <p className="also" data-testid="also-in-round">
              {note.also}
            </p>
          ) : null}
          {shown && !tube && shown.members >= shown.k && note.tone !== 'refused' && note.tone !== 'info' ? (
            <p className="row">
              <span>{t('sample.full', { tube: shown.tube, k: shown.k })}</span>
              <button type="button" onClick={() => seal(shown.tube)} disabled={busy}>
                {t('sample.sealFull', { tube: shown.tube })}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function SamplingPage() {
  const { t } = useWords();
  const [setup, setSetup] = useState<Setup | null>(readSetup);
  const choose = (s: Setup | null) => {
    writeSetup(s);
    setSetup(s);
  };
  return (
    <div className="page screening sampling">
      <h1>{t('sample.title')}</h1>
      {setup ? (
        <Scanner key={setup.siteId} setup={setup} onChange={() => choose(null)} />
      ) : (
        <Choose onChosen={choose} />
      )}
    </div>
  );
}
