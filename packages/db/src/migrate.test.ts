import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './database.js';
import { appliedRows, checksumOf, loadMigrations, MigrationError, migrate } from './migrate.js';
import { forEachDatabase } from './testing/matrix.js';

const TABLES = [
  'admissions',
  'aid_events',
  'aid_offers',
  'aid_requests',
  'aid_runs',
  'audit_log',
  'cases',
  'companions',
  'corrective_actions',
  'department_officers',
  'departments',
  'duty_items',
  'duty_list_versions',
  'early_warnings',
  'federation_outbox',
  'federation_received',
  'field_values',
  'handoffs',
  'health_code_pids',
  'health_code_transitions',
  'health_codes',
  'households',
  'incident_events',
  'incident_objectives',
  'incident_places',
  'incidents',
  'infra_alarms',
  'infra_assets',
  'infra_links',
  'infra_n1_losses',
  'infra_n1_runs',
  'infra_readings',
  'infra_rule_groups',
  'infra_rules',
  'infra_sensors',
  'notification_deliveries',
  'notifications',
  'organisations',
  'override_requests',
  'peer_cities',
  'people',
  'people_place_counts',
  'places',
  'plan_drafts',
  'plan_places',
  'plan_versions',
  'plans',
  'report_events',
  'report_photos',
  'report_slas',
  'reports',
  'resilience_assessment_answers',
  'resilience_assessments',
  'resilience_custom_indicators',
  'resilience_custom_values',
  'resilience_runs',
  'resilience_scores',
  'resilience_settings',
  'resilience_values',
  'schema_migrations',
  'screening_community_counts',
  'screening_expected',
  'screening_household_counts',
  'screening_members',
  'screening_result_imports',
  'screening_round_places',
  'screening_rounds',
  'screening_sites',
  'screening_tubes',
  'sessions',
  'shelter_checkins',
  'shelters',
  'supply_items',
  'supply_lots',
  'supply_movement_lines',
  'supply_movements',
  'supply_norm_places',
  'supply_norms',
  'supply_stores',
  'tasks',
  'test_results',
  'trajectory_chunks',
  'trajectory_imports',
  'trajectory_purges',
  'users',
  'volunteer_hours',
  'volunteer_windows',
  'volunteers',
  'work_demands',
  'work_items',
  'work_requests',
];

async function tables(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const { rows } = await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name]);
  return rows[0].t !== null;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'renxing-migrations-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});
const write = (file: string, sql: string) => writeFileSync(join(dir, file), sql);

forEachDatabase('migrations', (t) => {
  it('apply in order on a fresh database, then a second run applies nothing', async () => {
    const files = (await loadMigrations()).map((m) => m.file);
    expect(files.slice(0, 5)).toEqual([
      '0001_places.sql',
      '0002_people.sql',
      '0003_access.sql',
      '0004_audit.sql',
      '0005_cases.sql',
    ]);

    const first = await migrate(t.db);
    expect(first.applied.map((m) => m.file)).toEqual(files);
    expect(first.alreadyApplied).toBe(0);
    expect(await tables(t.db)).toEqual(TABLES);

    const recorded = await appliedRows(t.db);
    const loaded = await loadMigrations();
    expect(recorded).toEqual(loaded.map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })));

    const second = await migrate(t.db);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(files.length);
    expect(await appliedRows(t.db)).toEqual(recorded);
  });

  it('never apply one migration twice when two runs race', async () => {
    const runs = await Promise.all([migrate(t.db), migrate(t.db), migrate(t.db)]);
    const all = (await loadMigrations()).length;
    expect(runs.reduce((n, r) => n + r.applied.length, 0)).toBe(all);
    expect((await appliedRows(t.db)).length).toBe(all);
  });

  it('refuse an applied migration whose file changed, naming the file', async () => {
    write('0001_first.sql', 'CREATE TABLE first (id int);');
    write('0002_second.sql', 'CREATE TABLE second (id int);');
    await migrate(t.db, { dir });
    write('0002_second.sql', 'CREATE TABLE second (id bigint);');
    write('0003_third.sql', 'CREATE TABLE third (id int);');
    const error = await migrate(t.db, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).file).toBe('0002_second.sql');
    expect((error as Error).message).toMatch(/0002_second\.sql was changed after it was applied/);
    expect(await tableExists(t.db, 'third')).toBe(false); // nothing applied after a refusal
  });

  it('accept an applied file whose only change is CRLF line endings', async () => {
    write('0001_first.sql', 'CREATE TABLE first (id int);\nCREATE TABLE more (id int);\n');
    await migrate(t.db, { dir });
    write('0001_first.sql', 'CREATE TABLE first (id int);\r\nCREATE TABLE more (id int);\r\n');
    expect((await migrate(t.db, { dir })).applied).toEqual([]);
  });

  it('throw on a broken migration, naming file and line, and leave none of it behind', async () => {
    write('0001_good.sql', 'CREATE TABLE good (id int);');
    write(
      '0002_broken.sql',
      [
        'CREATE TABLE partial (id int);',
        'INSERT INTO partial VALUES (1);',
        'CREATE INDEX partial_idx ON partial (id);',
        'ALTER TABLE partial ADD COLUMN oops no_such_type;',
      ].join('\n'),
    );
    write('0003_after.sql', 'CREATE TABLE after (id int);');
    const error = await migrate(t.db, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).file).toBe('0002_broken.sql');
    expect((error as Error).message).toMatch(
      /migration 0002_broken\.sql failed, line 4: type "no_such_type"/,
    );

    expect(await tableExists(t.db, 'good')).toBe(true);
    expect(await tableExists(t.db, 'partial')).toBe(false);
    expect(await tableExists(t.db, 'partial_idx')).toBe(false);
    expect(await tableExists(t.db, 'after')).toBe(false);
    expect((await appliedRows(t.db)).map((r) => r.name)).toEqual(['good']);

    // Never applied, so it may be fixed; the run then goes on from there.
    write('0002_broken.sql', 'CREATE TABLE partial (id int);');
    const fixed = await migrate(t.db, { dir });
    expect(fixed.applied.map((m) => m.file)).toEqual(['0002_broken.sql', '0003_after.sql']);
  });

  it('refuse a database that recorded a migration whose file is gone', async () => {
    write('0001_first.sql', 'CREATE TABLE first (id int);');
    write('0002_second.sql', 'CREATE TABLE second (id int);');
    await migrate(t.db, { dir });
    rmSync(join(dir, '0002_second.sql'));
    await expect(migrate(t.db, { dir })).rejects.toThrow(
      /0002_second\.sql is recorded as applied but its file/,
    );
  });

  it('refuse a new migration numbered before the last applied one', async () => {
    write('0001_first.sql', 'CREATE TABLE first (id int);');
    write('0003_third.sql', 'CREATE TABLE third (id int);');
    await migrate(t.db, { dir });
    write('0002_second.sql', 'CREATE TABLE second (id int);');
    await expect(migrate(t.db, { dir })).rejects.toThrow(/0002_second\.sql is older than the last applied/);
  });
});

describe('loadMigrations', () => {
  it('refuses a misnamed file and a repeated version', async () => {
    write('0001_first.sql', 'SELECT 1;');
    write('2_second.sql', 'SELECT 1;');
    await expect(loadMigrations(dir)).rejects.toThrow(/2_second\.sql is misnamed/);
    rmSync(join(dir, '2_second.sql'));
    write('0001_again.sql', 'SELECT 1;');
    await expect(loadMigrations(dir)).rejects.toThrow(/share version 0001/);
  });

  it('checksums text with line endings normalised', () => {
    expect(checksumOf('a\r\nb\n')).toBe(checksumOf('a\nb\n'));
    expect(checksumOf('a\nb\n')).not.toBe(checksumOf('a\nb \n'));
  });
});
