/** The check-in screen's first step: find the resident (their household and where they are), or take a number of people not in the registry. */
import { ErrorNote, Field } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { checkOut, type Evacuee, findEvacuees } from './api.js';
import { useWords } from './dictionary.js';
import { useAction } from './shared.js';

/** Who is checking in. */
export type Who =
  | { kind: 'household'; evacuee: Evacuee; householdId: string; members: number }
  | { kind: 'person'; evacuee: Evacuee }
  | { kind: 'count'; name: string; people: number };

export function label(who: Who): string {
  if (who.kind === 'count') return who.name;
  if (who.kind === 'household') return who.evacuee.household?.address ?? who.evacuee.name;
  return who.evacuee.name;
}

function EvacueeCard({
  p,
  onChoose,
  onLeft,
}: {
  p: Evacuee;
  onChoose: (who: Who) => void;
  onLeft: () => void;
}) {
  const { t } = useWords();
  const action = useAction();
  const h = p.household;
  return (
    <li className="evacuee" data-person={p.id} data-testid="evacuee">
      <div className="evacuee-head">
        <strong>{p.name}</strong>
        <span className="muted small">
          {p.phoneMasked ?? ''} · {p.homeName}
        </span>
      </div>
      {h ? (
        <p className="small">
          {t('checkin.household', { members: h.members })}：
          {t('checkin.householdOf', { names: h.names.join('、') })}
        </p>
      ) : null}
      {p.checkIn ? (
        <div className="row">
          <span className="badge shelter-in">
            {t(p.checkIn.as === 'person' ? 'checkin.inShelter' : 'checkin.inShelterHousehold', {
              shelter: p.checkIn.shelter,
              people: p.checkIn.people,
            })}
          </span>
          <button
            type="button"
            disabled={action.busy}
            onClick={() =>
              action.run(async () => {
                await checkOut(p.checkIn!.id);
                onLeft();
              })
            }
          >
            {t('checkin.leave')}
          </button>
        </div>
      ) : (
        <div className="row choose">
          {h && h.members > 1 ? (
            <button
              type="button"
              className="primary"
              data-choose="household"
              onClick={() =>
                onChoose({ kind: 'household', evacuee: p, householdId: h.id, members: h.members })
              }
            >
              {t('checkin.wholeHousehold', { n: h.members })}
            </button>
          ) : null}
          <button
            type="button"
            className={h && h.members > 1 ? undefined : 'primary'}
            data-choose="person"
            onClick={() => onChoose({ kind: 'person', evacuee: p })}
          >
            {t('checkin.justPerson')}
          </button>
        </div>
      )}
      {action.error ? <ErrorNote error={action.error} /> : null}
    </li>
  );
}

export function Find({ onChoose }: { onChoose: (who: Who) => void }) {
  const { t } = useWords();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [name, setName] = useState('');
  const [people, setPeople] = useState('1');
  const box = useRef<HTMLInputElement>(null);
  const found = useApi(
    (signal) => (asked ? findEvacuees(asked, signal) : Promise.resolve(null)),
    [asked, tick],
  );
  useEffect(() => box.current?.focus(), []);
  const search = (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    if (text) {
      setAsked(text);
      setTick((n) => n + 1);
    }
  };
  return (
    <div className="stack">
      <form className="scan-form" onSubmit={search} data-testid="evacuee-search">
        <Field label={t('checkin.find')}>
          {(id) => (
            <input
              id={id}
              ref={box}
              className="big-input"
              autoComplete="off"
              spellCheck={false}
              maxLength={50}
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary big-button">
          {t('checkin.search')}
        </button>
      </form>
      {found.error ? <ErrorNote error={found.error} /> : null}
      {found.data ? (
        found.data.length === 0 ? (
          <p className="muted">{t('checkin.noMatch')}</p>
        ) : (
          <ul className="evacuees">
            {found.data.map((p) => (
              <EvacueeCard key={p.id} p={p} onChoose={onChoose} onLeft={() => setTick((n) => n + 1)} />
            ))}
          </ul>
        )
      ) : null}
      <details className="unregistered">
        <summary>{t('checkin.unregistered')}</summary>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(people);
            if (name.trim() && Number.isInteger(n) && n >= 1)
              onChoose({ kind: 'count', name: name.trim(), people: n });
          }}
        >
          <Field label={t('checkin.unregisteredName')}>
            {(id) => (
              <input
                id={id}
                required
                maxLength={200}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('checkin.unregisteredPeople')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                max={200}
                required
                inputMode="numeric"
                value={people}
                onChange={(e) => setPeople(e.target.value)}
              />
            )}
          </Field>
          <button type="submit">{t('checkin.unregisteredGo')}</button>
        </form>
      </details>
    </div>
  );
}
