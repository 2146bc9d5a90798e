/**
 * Health codes and their transitions (migration 0005); override requests and test results are in
 * override-requests.ts and test-results.ts.
 *
 * The rules live in @renxing/domain (health-code); this module only stores what they decide.
 * `state` is the domain's whole HealthCodeState kept as JSON (this package does not depend on the
 * domain, so it is `unknown` here and typed by the caller); colour, since and red basis are copied
 * out of it for queries. A person without a row is green from the start.
 *
 * Concurrency: a writer calls `lockHealthCode` inside a transaction, which locks the person's row
 * in `people` (FOR NO KEY UPDATE: it still lets other tables reference the person) whether or not
 * a health_codes row exists yet, so two events for one person are applied one after the other.
 * `saveHealthCode` also names the version it read (optimistic check) and throws
 * RX_HEALTH_CODE_CONFLICT if the row moved anyway: a change is never lost silently.
 *
 * Token pseudonyms (`pid` in signed QR tokens) are mapped back to people in health_code_pids.
 *
 * Instants of the code and its transitions are epoch seconds (the domain's unit).
 */
import { RenxingError } from '@renxing/contracts';
import '../errors.js';
import { type Db, type Tables, UUID } from '@renxing/db';

export type CodeColour = 'green' | 'yellow' | 'red';

/** What `saveHealthCode` stores: the projection of the domain's HealthCodeState. */
export interface HealthCodeSnapshot {
  personId: string;
  colour: CodeColour;
  /** Epoch seconds; null: green from the start. */
  since: number | null;
  redBasis: string | null;
  /** The PersonReason (JSON). */
  reason: unknown;
}

export interface StoredHealthCode {
  personId: string;
  colour: CodeColour;
  since: number | null;
  redBasis: string | null;
  reason: unknown;
  /** The domain's whole state, as saved. */
  state: unknown;
  preset: string;
  version: number;
  updatedAt: Date;
}

/** A `health_codes` row as selected here, typed from the generated Tables (a renamed column breaks the build). */
type CodeRow = Pick<
  Tables['health_codes'],
  'person_id' | 'colour' | 'red_basis' | 'reason' | 'state' | 'preset' | 'version' | 'updated_at'
> & {
  colour: CodeColour;
  since_s: number | null;
};

const CODE_COLUMNS = `person_id, colour, floor(extract(epoch FROM since))::int8 AS since_s, red_basis, reason,
  state, preset, version, updated_at`;

function toCode(r: CodeRow): StoredHealthCode {
  return {
    personId: r.person_id,
    colour: r.colour,
    since: r.since_s === null ? null : Number(r.since_s),
    redBasis: r.red_basis,
    reason: r.reason,
    state: r.state,
    preset: r.preset,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** The stored code of a person, or null when they have none (green from the start). No lock. */
export async function healthCodeOf(db: Db, personId: string): Promise<StoredHealthCode | null> {
  if (!UUID.test(personId)) return null;
  const { rows } = await db.query<CodeRow>(`SELECT ${CODE_COLUMNS} FROM health_codes WHERE person_id = $1`, [
    personId,
  ]);
  return rows[0] ? toCode(rows[0]) : null;
}

/** Stored codes of many people at once (people without a row are absent from the map). */
export async function healthCodesOf(
  db: Db,
  personIds: readonly string[],
): Promise<Map<string, StoredHealthCode>> {
  const ids = personIds.filter((id) => UUID.test(id));
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<CodeRow>(
    `SELECT ${CODE_COLUMNS} FROM health_codes WHERE person_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.person_id, toCode(r)]));
}

/** Which of these people have a stored code (one query; ids that are not UUIDs have none). */
export async function peopleWithHealthCodes(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(personIds)].filter((id) => UUID.test(id));
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ person_id: string }>(
    'SELECT person_id FROM health_codes WHERE person_id = ANY($1::uuid[])',
    [ids],
  );
  return new Set(rows.map((r) => r.person_id));
}

/**
 * Inside a transaction: locks the person (until commit) and reads their code. `exists` is false
 * when there is no such person (nothing is locked then).
 */
export async function lockHealthCode(
  tx: Db,
  personId: string,
): Promise<{ exists: boolean; code: StoredHealthCode | null }> {
  if (!UUID.test(personId)) return { exists: false, code: null };
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM people WHERE id = $1 FOR NO KEY UPDATE', [
    personId,
  ]);
  if (rows.length === 0) return { exists: false, code: null };
  return { exists: true, code: await healthCodeOf(tx, personId) };
}

/**
 * Stores the code. `expectedVersion` is the version read (null: there was no row). Returns the
 * new version; throws RX_HEALTH_CODE_CONFLICT when the row is not at the expected version.
 */
export async function saveHealthCode(
  tx: Db,
  code: HealthCodeSnapshot,
  state: unknown,
  preset: string,
  expectedVersion: number | null,
): Promise<number> {
  const params = [
    code.personId,
    code.colour,
    code.since,
    code.redBasis,
    JSON.stringify(code.reason),
    JSON.stringify(state),
    preset,
  ];
  const { rows } =
    expectedVersion === null
      ? await tx.query<{ version: number }>(
          `INSERT INTO health_codes (person_id, colour, since, red_basis, reason, state, preset)
           VALUES ($1, $2, to_timestamp($3::float8), $4, $5::jsonb, $6::jsonb, $7)
           ON CONFLICT (person_id) DO NOTHING
           RETURNING version`,
          params,
        )
      : await tx.query<{ version: number }>(
          `UPDATE health_codes
              SET colour = $2, since = to_timestamp($3::float8), red_basis = $4, reason = $5::jsonb,
                  state = $6::jsonb, preset = $7, version = version + 1, updated_at = now()
            WHERE person_id = $1 AND version = $8
           RETURNING version`,
          [...params, expectedVersion],
        );
  if (rows.length === 0)
    throw new RenxingError('RX_HEALTH_CODE_CONFLICT', { version: expectedVersion ?? 'none' });
  return rows[0].version;
}

// ---------------------------------------------------------------------------------------------
// Transitions

/** One change of a code, as the domain's Transition plus what links it to a case or an override. */
export interface NewHealthCodeTransition {
  personId: string;
  from: CodeColour;
  to: CodeColour;
  /** Epoch seconds. */
  at: number;
  rule: string;
  preset: string;
  evidence: unknown;
  actors: readonly string[];
  reason: unknown;
  caseId?: string | null;
  overrideRequestId?: string | null;
}

export interface StoredHealthCodeTransition extends NewHealthCodeTransition {
  id: number;
  caseId: string | null;
  overrideRequestId: string | null;
  recordedAt: Date;
}

/** A `health_code_transitions` row as selected here, typed from the generated Tables (a renamed column breaks the build). */
type TransitionRow = Pick<
  Tables['health_code_transitions'],
  | 'id'
  | 'person_id'
  | 'from_colour'
  | 'to_colour'
  | 'rule'
  | 'preset'
  | 'evidence'
  | 'actors'
  | 'reason'
  | 'case_id'
  | 'override_request_id'
  | 'recorded_at'
> & {
  from_colour: CodeColour;
  to_colour: CodeColour;
  at_s: number;
};

const TRANSITION_COLUMNS = `id, person_id, from_colour, to_colour, floor(extract(epoch FROM at))::int8 AS at_s, rule,
  preset, evidence, actors, reason, case_id, override_request_id, recorded_at`;

function toTransition(r: TransitionRow): StoredHealthCodeTransition {
  return {
    id: Number(r.id),
    personId: r.person_id,
    from: r.from_colour,
    to: r.to_colour,
    at: Number(r.at_s),
    rule: r.rule,
    preset: r.preset,
    evidence: r.evidence,
    actors: r.actors,
    reason: r.reason,
    caseId: r.case_id,
    overrideRequestId: r.override_request_id,
    recordedAt: r.recorded_at,
  };
}

/** Stores one transition (in the transaction that saves the code it led to). */
export async function insertHealthCodeTransition(
  tx: Db,
  t: NewHealthCodeTransition,
): Promise<StoredHealthCodeTransition> {
  const { rows } = await tx.query<TransitionRow>(
    `INSERT INTO health_code_transitions
       (person_id, from_colour, to_colour, at, rule, preset, evidence, actors, reason, case_id, override_request_id)
     VALUES ($1, $2, $3, to_timestamp($4::float8), $5, $6, $7::jsonb, $8::text[], $9::jsonb, $10, $11)
     RETURNING ${TRANSITION_COLUMNS}`,
    [
      t.personId,
      t.from,
      t.to,
      t.at,
      t.rule,
      t.preset,
      JSON.stringify(t.evidence),
      [...t.actors],
      JSON.stringify(t.reason),
      t.caseId ?? null,
      t.overrideRequestId ?? null,
    ],
  );
  return toTransition(rows[0]);
}

/** A person's transitions, oldest first (at most `limit`, default 500, the most recent ones). */
export async function healthCodeHistory(
  db: Db,
  personId: string,
  options: { limit?: number } = {},
): Promise<StoredHealthCodeTransition[]> {
  if (!UUID.test(personId)) return [];
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 500), 1), 5000);
  const { rows } = await db.query<TransitionRow>(
    `SELECT * FROM (
       SELECT ${TRANSITION_COLUMNS} FROM health_code_transitions WHERE person_id = $1
        ORDER BY at DESC, id DESC LIMIT $2
     ) last ORDER BY at_s, id`,
    [personId, limit],
  );
  return rows.map(toTransition);
}

// ---------------------------------------------------------------------------------------------
// Token pseudonyms (migration 0009)

/** Remembers which person a token pseudonym stands for (idempotent). */
export async function rememberHealthCodePid(db: Db, pid: string, personId: string): Promise<void> {
  await db.query(
    `INSERT INTO health_code_pids (pid, person_id) VALUES ($1, $2)
     ON CONFLICT DO NOTHING`,
    [pid, personId],
  );
}

/** The person a token pseudonym stands for, or undefined. */
/**
 * The current colour of the person a token pseudonym stands for, in one round trip (a person
 * without a stored code is green); undefined when the pseudonym was never issued.
 */
export async function colourOfHealthCodePid(
  db: Db,
  pid: string,
): Promise<'green' | 'yellow' | 'red' | undefined> {
  const { rows } = await db.query<{ colour: 'green' | 'yellow' | 'red' | null }>(
    `SELECT c.colour FROM health_code_pids p LEFT JOIN health_codes c ON c.person_id = p.person_id
      WHERE p.pid = $1`,
    [pid],
  );
  return rows.length === 0 ? undefined : (rows[0].colour ?? 'green');
}

export async function personOfHealthCodePid(db: Db, pid: string): Promise<string | undefined> {
  const { rows } = await db.query<{ person_id: string }>(
    'SELECT person_id FROM health_code_pids WHERE pid = $1',
    [pid],
  );
  return rows[0]?.person_id;
}
