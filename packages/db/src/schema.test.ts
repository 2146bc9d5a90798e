/** The constraints the service relies on, checked on both engines. */
import { createHash } from 'node:crypto';
import { appendAudit, auditTrail, verifyAuditChain } from '@renxing/modules/audit';
import { insertPlaces } from '@renxing/modules/places';
import { expect, it } from 'vitest';
import { type Db, sqlState } from './database.js';
import { forEachDatabase } from './testing/matrix.js';

const pseudonym = (phone: string) => createHash('sha256').update(`secret:${phone}`).digest('hex');

async function stateOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return sqlState(error) ?? `not a database error: ${error}`;
  }
  return undefined;
}

interface Person {
  name: string;
  phone?: string | null;
  idNumber?: string | null;
  importKey?: string | null;
}

/** The import's statement: upsert on the natural keys, so a re-run neither loses nor duplicates. */
async function importPeople(db: Db, people: readonly Person[]): Promise<void> {
  await db.query(
    `INSERT INTO people (name, phone, phone_pseudonym, id_number, import_key)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (import_key) DO UPDATE SET name = excluded.name`,
    [
      people.map((p) => p.name),
      people.map((p) => p.phone ?? null),
      people.map((p) => (p.phone ? pseudonym(p.phone) : null)),
      people.map((p) => p.idNumber ?? null),
      people.map((p) => p.importKey ?? null),
    ],
  );
}

async function count(db: Db, table: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n;
}

async function seed(db: Db) {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq03', name: '民生路社区' },
  ]);
  const place = (await db.query<{ id: string }>(`SELECT id FROM places WHERE path = 'cq.yz.jd01.sq03'`))
    .rows[0].id;
  const [a, b] = (
    await db.query<{ id: string }>(
      `INSERT INTO people (name, phone, phone_pseudonym, home_place_id)
       VALUES ('甲', '13800000001', $1, $3), ('乙', '13800000002', $2, $3) RETURNING id`,
      [pseudonym('13800000001'), pseudonym('13800000002'), place],
    )
  ).rows.map((r) => r.id);
  const [officer, second] = (
    await db.query<{ id: string }>(
      `INSERT INTO users (username, password_hash, role, place_id)
       VALUES ('officer1', 'x', 'health_officer', $1), ('officer2', 'x', 'health_officer', $1) RETURNING id`,
      [place],
    )
  ).rows.map((r) => r.id);
  const kase = (
    await db.query<{ id: string }>(
      `INSERT INTO cases (label, person_id, subject_pseudonym, confirmed_at)
       VALUES ('病例1', $1, $2, now()) RETURNING id`,
      [a, pseudonym('13800000001')],
    )
  ).rows[0].id;
  return { place, a, b, officer, second, kase };
}

forEachDatabase(
  'schema',
  (t) => {
    it('refuses UPDATE, DELETE and TRUNCATE of the audit log', async () => {
      await appendAudit(t.db, { actor: 'system:test', action: 'demo', detail: { n: 1 } });
      expect(await stateOf(t.db.query(`UPDATE audit_log SET action = 'forged'`))).toBe('42501');
      expect(await stateOf(t.db.query('DELETE FROM audit_log'))).toBe('42501');
      expect(await stateOf(t.db.exec('TRUNCATE audit_log'))).toBe('42501');
      await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only: DELETE refused/);
      expect(await count(t.db, 'audit_log')).toBe(1);
    });

    it('numbers, stamps and chains audit entries itself', async () => {
      const first = await appendAudit(t.db, {
        actor: 'u1',
        action: 'person.read_phone',
        subjectType: 'person',
        subjectId: 'p1',
        reason: '流调',
        detail: { fields: ['phone'] },
      });
      // A caller cannot choose the number, the time or the hashes.
      await t.db.query(
        `INSERT INTO audit_log (seq, at, actor, action, prev_hash, hash)
         VALUES (999, '2000-01-01', 'u2', 'x', 'forged', 'forged')`,
      );
      const trail = await auditTrail(t.db, { type: 'person', id: 'p1' });
      expect(trail).toEqual([first]);
      const all = (
        await t.db.query<{ seq: number; prev_hash: string; hash: string; at: Date }>(
          'SELECT seq, prev_hash, hash, at FROM audit_log ORDER BY seq',
        )
      ).rows;
      expect(all).toHaveLength(2);
      expect(all[0].prev_hash).toBe('');
      expect(all[1].prev_hash).toBe(all[0].hash);
      expect(all[1].seq).toBeGreaterThan(all[0].seq);
      expect(all[1].seq).not.toBe(999);
      expect(all[1].at.getFullYear()).toBeGreaterThan(2000);
      expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 2 });
    });

    it('hashes an audit row identically on every engine', async () => {
      const { rows } = await t.db.query<{ h: string }>(
        `SELECT audit_log_hash(7, '2024-01-02 03:04:05.678901+00', 'u1', 'act', 'person', 'p1', NULL,
                               '{"b": [1, 2.50], "a": "甲"}'::jsonb, 'prev') AS h`,
      );
      // The JSON text PostgreSQL 15 and PGlite (PostgreSQL 18) both print for that row.
      const text =
        '[7, "2024-01-02T03:04:05.678901Z", "u1", "act", "person", "p1", null, {"a": "甲", "b": [1, 2.50]}, "prev"]';
      expect(rows[0].h).toBe(createHash('sha256').update(text).digest('hex'));
    });

    it('keeps one unbroken chain when many writers append at once', async () => {
      // On the server these run on several pooled connections, some inside longer transactions.
      await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          i % 3 === 0
            ? t.db.transaction(async (tx) => {
                await appendAudit(tx, { actor: `u${i}`, action: 'tx.first' });
                await appendAudit(tx, { actor: `u${i}`, action: 'tx.second' });
              })
            : appendAudit(t.db, { actor: `u${i}`, action: 'single' }),
        ),
      );
      expect(await verifyAuditChain(t.db)).toEqual({ ok: true, rows: 32 });
      const { rows } = await t.db.query<{ forks: number }>(
        'SELECT count(*) - count(DISTINCT prev_hash) AS forks FROM audit_log',
      );
      expect(rows[0].forks).toBe(0);
    });

    it('finds an edited audit row when the chain is walked', async () => {
      for (let i = 0; i < 3; i++) await appendAudit(t.db, { actor: 'u1', action: `a${i}` });
      const seqs = (await t.db.query<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq')).rows;
      await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      await t.db.query(`UPDATE audit_log SET action = 'forged' WHERE seq = $1`, [seqs[1].seq]);
      expect(await verifyAuditChain(t.db)).toEqual({ ok: false, rows: 3, seq: seqs[1].seq, problem: 'hash' });
      await t.db.query(`DELETE FROM audit_log WHERE seq = $1`, [seqs[1].seq]);
      expect(await verifyAuditChain(t.db)).toEqual({ ok: false, rows: 2, seq: seqs[2].seq, problem: 'link' });
    });

    it('refuses audit writes under an isolation level that could fork the chain', async () => {
      const error = await t.db
        .transaction(async (tx) => {
          await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
          await appendAudit(tx, { actor: 'u1', action: 'x' });
        })
        .catch((e: unknown) => e);
      expect(sqlState(error)).toBe('25000');
    });

    it('refuses a second person with the same phone pseudonym or id number', async () => {
      await importPeople(t.db, [{ name: '甲', phone: '13800000001', idNumber: '500101199001010011' }]);
      expect(await stateOf(importPeople(t.db, [{ name: '乙', phone: '13800000001' }]))).toBe('23505');
      expect(await stateOf(importPeople(t.db, [{ name: '丙', idNumber: '500101199001010011' }]))).toBe(
        '23505',
      );
      expect(await stateOf(importPeople(t.db, [{ name: '丁' }]))).toBe('23514'); // no key to find them again
      expect(
        await stateOf(
          t.db.query(`INSERT INTO people (name, phone) VALUES ('戊', '13800000009')`), // phone without pseudonym
        ),
      ).toBe('23514');
      expect(await count(t.db, 'people')).toBe(1);
    });

    it('lets an interrupted import re-run without losing or duplicating anyone', async () => {
      const batch: Person[] = Array.from({ length: 50 }, (_, i) => ({
        name: `居民${i}`,
        phone: `1390000${String(i).padStart(4, '0')}`,
        importKey: `hukou:${i}`,
      }));
      await importPeople(t.db, batch.slice(0, 20)); // the first run stopped after 20
      await importPeople(t.db, batch); // the re-run sends everything again
      await importPeople(t.db, batch);
      expect(await count(t.db, 'people')).toBe(50);
      const keyed = await t.db.query<{ n: number }>(
        'SELECT count(DISTINCT phone_pseudonym) AS n FROM people WHERE import_key IS NOT NULL',
      );
      expect(keyed.rows[0].n).toBe(50);
    });

    it('keeps one companion, one companion transition and one task per (person, case)', async () => {
      const { a, b, kase, place } = await seed(t.db);
      const companion = (id: string) =>
        t.db.query(
          `INSERT INTO companions (case_id, person_id, subject_pseudonym, cell, overlap_start, overlap_end, overlap_s)
           VALUES ($1, $2, $3, '3:-2', '2024-01-01T08:00:00Z', '2024-01-01T08:15:00Z', 900)
           ON CONFLICT (case_id, subject_pseudonym) DO NOTHING`,
          [kase, id, pseudonym('13800000002')],
        );
      await companion(b);
      await companion(b); // detection re-run
      expect(await count(t.db, 'companions')).toBe(1);
      expect(
        await stateOf(
          t.db.query(
            `INSERT INTO companions (case_id, subject_pseudonym, cell, overlap_start, overlap_end, overlap_s)
             VALUES ($1, $2, '0:0', now(), now(), 0)`,
            [kase, pseudonym('13800000002')],
          ),
        ),
      ).toBe('23505');

      const yellow = () =>
        t.db.query(
          `INSERT INTO health_code_transitions
             (person_id, from_colour, to_colour, rule, preset, case_id, reason, evidence, at)
           VALUES ($1, 'green', 'yellow', 'companion_yellow', 'default', $2, $3::jsonb, $4::jsonb, now())
           ON CONFLICT (person_id, case_id) WHERE rule = 'companion_yellow' DO NOTHING`,
          [
            b,
            kase,
            JSON.stringify({ kind: 'companion', caseLabel: '病例1', cell: '3:-2' }),
            JSON.stringify({ rule: 'companion_yellow', caseId: kase }),
          ],
        );
      await yellow();
      await yellow();
      expect(await count(t.db, 'health_code_transitions')).toBe(1);

      const task = () =>
        t.db.query(
          `INSERT INTO tasks (place_id, person_id, case_id, subject_pseudonym) VALUES ($1, $2, $3, 'p-b')
           ON CONFLICT (case_id, subject_pseudonym) DO NOTHING`,
          [place, b, kase],
        );
      await task();
      await task();
      expect(await count(t.db, 'tasks')).toBe(1);
      expect(
        await stateOf(
          t.db.query(
            "INSERT INTO tasks (place_id, person_id, case_id, subject_pseudonym) VALUES ($1, $2, $3, 'p-b2')",
            [place, b, kase],
          ),
        ),
      ).toBe('23505');
      expect(
        await stateOf(
          t.db.query(`UPDATE tasks SET state = 'not_executable', finished_at = now() WHERE person_id = $1`, [
            b,
          ]),
        ),
      ).toBe('23514'); // why it could not be done must be written down
      await t.db.query(
        `UPDATE tasks SET state = 'not_executable', finished_at = now(), note = '查无此人' WHERE person_id = $1`,
        [b],
      );
      expect(a).not.toBe(b);
    });

    it('requires a second, different user to decide an override', async () => {
      const { b, officer, second } = await seed(t.db);
      const request = (
        await t.db.query<{ id: string }>(
          `INSERT INTO override_requests (person_id, to_colour, requested_by, request_reason)
           VALUES ($1, 'green', $2, '误判：当时在外地') RETURNING id`,
          [b, officer],
        )
      ).rows[0].id;
      const decide = (by: string, reason: string | null) =>
        t.db.query(
          `UPDATE override_requests SET state = 'approved', decided_by = $2, decided_at = now(), decision_reason = $3
            WHERE id = $1`,
          [request, by, reason],
        );
      expect(await stateOf(decide(officer, '同意'))).toBe('23514');
      expect(await stateOf(decide(second, null))).toBe('23514');
      await decide(second, '核实无误');
      expect(
        await stateOf(
          t.db.query(
            `INSERT INTO health_code_transitions (person_id, from_colour, to_colour, rule, preset, reason, evidence, at)
             VALUES ($1, 'yellow', 'green', 'override', 'default', '{}', '{}', now())`,
            [b],
          ),
        ),
      ).toBe('23514'); // an override transition must name its request
      await t.db.query(
        `INSERT INTO health_code_transitions
           (person_id, from_colour, to_colour, rule, preset, override_request_id, reason, evidence, actors, at)
         VALUES ($1, 'yellow', 'green', 'override', 'default', $2, '{"kind": "override"}', '{}', $3, now())`,
        [b, request, [officer, second]],
      );
      const stored = await t.db.query<{ actors: string[] }>('SELECT actors FROM health_code_transitions');
      expect(stored.rows).toEqual([{ actors: [officer, second] }]);
    });

    it('keeps a red code with its basis, and only a red one', async () => {
      const { a, b } = await seed(t.db);
      const code = (person: string, colour: string, basis: string | null) =>
        t.db.query(
          `INSERT INTO health_codes (person_id, colour, since, red_basis, reason, state)
           VALUES ($1, $2, now(), $3, '{"kind": "confirmed_case"}', '{}')`,
          [person, colour, basis],
        );
      expect(await stateOf(code(a, 'red', null))).toBe('23514');
      expect(await stateOf(code(a, 'yellow', 'case'))).toBe('23514');
      expect(await stateOf(code(a, 'red', 'rumour'))).toBe('23514');
      await code(a, 'red', 'case');
      await code(b, 'yellow', null);
      expect(await count(t.db, 'health_codes')).toBe(2);
    });

    it('scopes users: a resident needs a person, staff need a place, roles are a closed list', async () => {
      const { a, place } = await seed(t.db);
      await t.db.query(
        `INSERT INTO users (username, password_hash, role, person_id) VALUES ('r1', 'x', 'resident', $1)`,
        [a],
      );
      expect(
        await stateOf(
          t.db.query(`INSERT INTO users (username, password_hash, role) VALUES ('r2', 'x', 'resident')`),
        ),
      ).toBe('23514');
      expect(
        await stateOf(
          t.db.query(
            `INSERT INTO users (username, password_hash, role) VALUES ('w1', 'x', 'community_worker')`,
          ),
        ),
      ).toBe('23514');
      expect(
        await stateOf(
          t.db.query(
            `INSERT INTO users (username, password_hash, role, place_id) VALUES ('g1', 'x', 'god', $1)`,
            [place],
          ),
        ),
      ).toBe('23514');
      expect(
        await stateOf(
          t.db.query(
            `INSERT INTO users (username, password_hash, role, place_id) VALUES ('r1', 'x', 'auditor', $1)`,
            [place],
          ),
        ),
      ).toBe('23505');
    });
  },
  { migrate: true },
);
