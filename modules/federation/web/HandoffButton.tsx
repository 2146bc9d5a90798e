/**
 * A button that opens the 移交外市 form prefilled (a companion on a case's page, say), for the roles
 * that may send a hand-off (nothing for the others). Once sent, it goes to the hand-off's page.
 */
import { Loading } from '@renxing/ui/controls';
import { lazy, Suspense, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { HandoffKind } from './api.js';
import { useWords } from './dictionary.js';
import { handoffHref } from './paths.js';
import { useMay } from './shared.js';
import './federation.css';

const SendForm = lazy(() => import('./SendForm.js').then((m) => ({ default: m.SendForm })));

export interface HandoffButtonProps {
  kind: HandoffKind;
  /** kind companion: the companion row. */
  companionId?: number;
  /** kind case or contact: the case. */
  caseId?: string;
  /** kind contact or resident: the person. */
  personId?: string;
  /** Where they live in the peer city, when known. */
  homePlace?: string;
  /** The button's accessible name (default 移交外市 / Hand off), e.g. naming the person. */
  label?: string;
}

export function HandoffButton({ label, ...prefill }: HandoffButtonProps) {
  const { t } = useWords();
  const may = useMay();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  if (!may('sendHandoff')) return null;
  const close = () => {
    dialog.current?.close();
    setOpen(false);
  };
  return (
    <>
      <button
        type="button"
        className="handoff-button"
        aria-label={label}
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t('send.open')}
      </button>
      <dialog
        ref={dialog}
        className="handoff-dialog"
        aria-label={t('send.title')}
        onClose={() => setOpen(false)}
      >
        <header className="card-head">
          <h2>{t('send.title')}</h2>
          <button type="button" onClick={close}>
            {t('send.close')}
          </button>
        </header>
        {open ? (
          <Suspense fallback={<Loading />}>
            <SendForm prefill={prefill} onSent={(h) => navigate(handoffHref(h.id))} />
          </Suspense>
        ) : null}
      </dialog>
    </>
  );
}
