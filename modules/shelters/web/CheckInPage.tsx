/**
 * Checking people into a shelter, on a phone: find the resident (ID number, phone or name in one
 * box) — their household and where they are shown at once — or take a number of people not in the
 * registry under a name; the nearest open shelter with room for the party is suggested (from the
 * household's community centre), with a few others; one tap checks them in and says how many
 * places are left. Someone already in a shelter can be checked out from here.
 */
import { ErrorNote, Field } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { checkIn, findRoom, getShelter, type Ranked, type RoomQuery, type Stay } from './api.js';
import { Find, label, type Who } from './CheckInFind.js';
import { useWords } from './dictionary.js';
import { shelterHref } from './index.js';
import { Available, Offers, useAction, useDistance, useUserPlace } from './shared.js';
import './shelters.css';

function Choice({
  s,
  chosen,
  onChoose,
}: {
  s: Pick<Ranked, 'id' | 'name' | 'placeName' | 'offers' | 'state' | 'available' | 'capacity'> & {
    distanceM?: number;
  };
  chosen: boolean;
  onChoose: () => void;
}) {
  const { t } = useWords();
  const distance = useDistance();
  return (
    <label
      className={`room-choice ${chosen ? 'chosen' : ''}`}
      data-shelter={s.id}
      data-available={s.available}
    >
      <input
        type="radio"
        name="shelter"
        checked={chosen}
        onChange={onChoose}
        aria-label={t('checkin.choose', { name: s.name })}
      />
      <span className="stack tight">
        <strong>{s.name}</strong>
        <span className="small muted">
          {s.placeName}
          {s.distanceM !== undefined ? ` · ${distance(s.distanceM)}` : ''}
        </span>
        <span className="small">
          <Available shelter={s} /> <Offers offers={s.offers} />
        </span>
      </span>
    </label>
  );
}

function Place({
  who,
  onBack,
  onDone,
}: {
  who: Who;
  onBack: () => void;
  onDone: (stay: Stay, who: Who) => void;
}) {
  const { t } = useWords();
  const userPlace = useUserPlace();
  const [params] = useSearchParams();
  const wanted = params.get('shelter');
  const [party, setParty] = useState(
    String(who.kind === 'household' ? who.members : who.kind === 'count' ? who.people : 1),
  );
  const n = Number(party);
  const valid = Number.isInteger(n) && n >= 1 && n <= 200;
  const origin: Omit<RoomQuery, 'people'> =
    who.kind === 'household'
      ? { household: who.householdId }
      : who.kind === 'person'
        ? { person: who.evacuee.id }
        : { place: userPlace ?? undefined };
  const room = useApi(
    (signal) => (valid ? findRoom({ ...origin, people: n, alternatives: 3 }, signal) : Promise.resolve(null)),
    [n, JSON.stringify(origin)],
  );
  const given = useApi((signal) => (wanted ? getShelter(wanted, signal) : Promise.resolve(null)), [wanted]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const action = useAction();
  const options: (Pick<
    Ranked,
    'id' | 'name' | 'placeName' | 'offers' | 'state' | 'available' | 'capacity'
  > & {
    distanceM?: number;
  })[] = [];
  if (room.data?.shelter) options.push(room.data.shelter, ...room.data.alternatives);
  const g = given.data?.shelter;
  if (g && g.state === 'open' && !options.some((o) => o.id === g.id)) options.push(g);
  const pick = chosen && options.some((o) => o.id === chosen) ? chosen : (options[0]?.id ?? null);
  const target = options.find((o) => o.id === pick);

  const submit = action.submit(async () => {
    if (!target || !valid) return;
    const body =
      who.kind === 'household'
        ? { household: who.householdId, people: n }
        : who.kind === 'person'
          ? { person: who.evacuee.id }
          : { name: who.name, people: n };
    onDone(await checkIn(target.id, { ...body, ...(note.trim() ? { note: note.trim() } : {}) }), who);
  });

  return (
    <form className="stack" onSubmit={submit} data-testid="check-in-form">
      <div className="who-card">
        <span className="muted small">{t('checkin.who')}</span>
        <strong data-testid="checking-in">{label(who)}</strong>
        <button type="button" className="link" onClick={onBack}>
          {t('checkin.cancel')}
        </button>
      </div>
      <Field label={t('checkin.party')}>
        {(id) => (
          <input
            id={id}
            className="big-input"
            type="number"
            min={1}
            max={200}
            inputMode="numeric"
            disabled={who.kind === 'person'}
            value={party}
            onChange={(e) => setParty(e.target.value)}
          />
        )}
      </Field>
      {room.error ? <ErrorNote error={room.error} /> : null}
      {room.data ? (
        <p className="muted small">
          {room.data.from.place
            ? t('checkin.from', { place: room.data.from.placeName ?? '' })
            : t('checkin.fromGiven')}
        </p>
      ) : null}
      {room.data && !room.data.shelter && options.length === 0 ? (
        <p className="error" role="alert">
          {t('checkin.noRoom', { n })}
        </p>
      ) : null}
      {options.length > 0 ? (
        <fieldset className="group room" data-testid="room">
          <legend>{t('checkin.suggested')}</legend>
          {options.map((o, i) => (
            <div key={o.id}>
              {i === 1 ? <p className="small muted">{t('checkin.alternatives')}</p> : null}
              <Choice s={o} chosen={o.id === pick} onChoose={() => setChosen(o.id)} />
            </div>
          ))}
        </fieldset>
      ) : null}
      <Field label={t('checkin.note')}>
        {(id) => <input id={id} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" className="primary big-button" disabled={!target || !valid || action.busy}>
        {action.busy ? t('busy') : t('checkin.submit', { name: target?.name ?? '…' })}
      </button>
      {action.error ? (
        <p className="error" role="alert" data-code={action.error.code}>
          {t('checkin.refused', { message: action.error.message })}
        </p>
      ) : null}
    </form>
  );
}

export function CheckInPage() {
  const { t } = useWords();
  const [who, setWho] = useState<Who | null>(null);
  const [done, setDone] = useState<{ stay: Stay; who: Who } | null>(null);
  return (
    <div className="page shelters check-in">
      <h1>{t('checkin.title')}</h1>
      <p className="muted small">{t('checkin.lead')}</p>
      {done ? (
        <div
          className="done-card stack"
          data-testid="checkin-done"
          data-shelter={done.stay.shelter.id}
          data-available={done.stay.shelter.available}
        >
          <p className="ok" role="status">
            {t('checkin.done', {
              name: done.stay.checkIn.name,
              shelter: done.stay.shelter.name,
              people: done.stay.checkIn.people,
              available: done.stay.shelter.available,
            })}
          </p>
          <p>
            <Link to={shelterHref(done.stay.shelter.id)}>{done.stay.shelter.name}</Link>
          </p>
          <button
            type="button"
            className="primary big-button"
            onClick={() => {
              setDone(null);
              setWho(null);
            }}
          >
            {t('checkin.next')}
          </button>
        </div>
      ) : who ? (
        <Place who={who} onBack={() => setWho(null)} onDone={(stay, w) => setDone({ stay, who: w })} />
      ) : (
        <Find onChoose={setWho} />
      )}
    </div>
  );
}
