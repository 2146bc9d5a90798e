/** The responsibility list's versions, items and admissions; departments and their officers. */
import type { Db } from '@renxing/db';
import type { Admission, DutyItem, DutyList } from '../rules/duty.js';

export interface Department {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
}

export async function listDepartments(db: Db): Promise<Department[]> {
  const { rows } = await db.query<{ id: string; code: string; name: string; name_en: string | null }>(
    'SELECT id, code, name, name_en FROM departments ORDER BY code',
  );
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, nameEn: r.name_en }));
}

export async function insertDepartment(
  db: Db,
  d: { code: string; name: string; nameEn?: string | null },
): Promise<Department | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO departments (code, name, name_en) VALUES ($1, $2, $3)
     ON CONFLICT (code) DO NOTHING RETURNING id`,
    [d.code, d.name, d.nameEn ?? null],
  );
  return rows[0] ? { id: rows[0].id, code: d.code, name: d.name, nameEn: d.nameEn ?? null } : null;
}

/** The department a department officer acts for (its code), if the user is one. */
export async function departmentOf(db: Db, userId: string): Promise<string | null> {
  const { rows } = await db.query<{ code: string }>(
    'SELECT d.code FROM department_officers o JOIN departments d ON d.id = o.department_id WHERE o.user_id = $1',
    [userId],
  );
  return rows[0]?.code ?? null;
}

export async function setDepartmentOfficer(db: Db, userId: string, department: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO department_officers (user_id, department_id) SELECT $1, id FROM departments WHERE code = $2
     ON CONFLICT (user_id) DO UPDATE SET department_id = EXCLUDED.department_id`,
    [userId, department],
  );
  return rowCount > 0;
}

/** The version in force (the newest), 0 before any list was published. */
export async function currentDutyVersion(db: Db): Promise<number> {
  const { rows } = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM duty_list_versions');
  return Number(rows[0].v ?? 0);
}

export interface DutyVersion {
  version: number;
  publishedAt: Date;
  publishedBy: string | null;
  note: string | null;
  items: number;
}

export async function dutyVersions(db: Db): Promise<DutyVersion[]> {
  const { rows } = await db.query<{
    version: number;
    published_at: Date;
    published_by: string | null;
    note: string | null;
    items: string;
  }>(
    `SELECT v.version, v.published_at, u.username AS published_by, v.note,
            (SELECT count(*) FROM duty_items i WHERE i.version = v.version) AS items
       FROM duty_list_versions v LEFT JOIN users u ON u.id = v.published_by ORDER BY v.version DESC`,
  );
  return rows.map((r) => ({
    version: r.version,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    note: r.note,
    items: Number(r.items),
  }));
}

/** Publishes `items` as the next version of the list; returns its number. */
export async function publishDutyList(
  db: Db,
  items: readonly DutyItem[],
  o: { by: string; note: string | null; at: Date },
): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    `INSERT INTO duty_list_versions (version, published_at, published_by, note)
     SELECT coalesce(max(version), 0) + 1, $1, $2, $3 FROM duty_list_versions RETURNING version`,
    [o.at, o.by, o.note],
  );
  const version = rows[0].version;
  await db.query(
    `INSERT INTO duty_items (version, code, list, title, department, legal_basis)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [
      version,
      items.map((i) => i.code),
      items.map((i) => i.list),
      items.map((i) => i.title),
      items.map((i) => i.department),
      items.map((i) => i.legalBasis),
    ],
  );
  return version;
}

interface DutyRow {
  code: string;
  list: DutyList;
  title: string;
  department: string;
  legal_basis: string;
}

const toDuty = (r: DutyRow): DutyItem => ({
  code: r.code,
  list: r.list,
  title: r.title,
  department: r.department,
  legalBasis: r.legal_basis,
});

export async function dutyItems(
  db: Db,
  o: { version: number; q?: string; list?: DutyList },
): Promise<DutyItem[]> {
  const { rows } = await db.query<DutyRow>(
    `SELECT code, list, title, department, legal_basis FROM duty_items
      WHERE version = $1 AND ($2::text IS NULL OR list = $2)
        AND ($3::text IS NULL OR strpos(lower(code || ' ' || title || ' ' || legal_basis), lower($3)) > 0)
      ORDER BY code`,
    [o.version, o.list ?? null, o.q?.trim() || null],
  );
  return rows.map(toDuty);
}

export async function dutyItem(db: Db, version: number, code: string): Promise<DutyItem | undefined> {
  const { rows } = await db.query<DutyRow>(
    'SELECT code, list, title, department, legal_basis FROM duty_items WHERE version = $1 AND code = $2',
    [version, code],
  );
  return rows[0] && toDuty(rows[0]);
}

export async function insertAdmission(
  db: Db,
  a: {
    department: string;
    duty: string;
    reason: string;
    approvedBy: string;
    approvedAt: Date;
    validUntil: Date;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO admissions (department, duty, reason, approved_by, approved_at, valid_until)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [a.department, a.duty, a.reason, a.approvedBy, a.approvedAt, a.validUntil],
  );
  return rows[0].id;
}

export async function admissionById(db: Db, id: string): Promise<Admission | undefined> {
  const { rows } = await db.query<{
    id: string;
    department: string;
    duty: string;
    approved_at: Date;
    valid_until: Date;
  }>('SELECT id, department, duty, approved_at, valid_until FROM admissions WHERE id = $1', [id]);
  const r = rows[0];
  return (
    r && {
      id: r.id,
      department: r.department,
      duty: r.duty,
      approvedAt: r.approved_at.getTime() / 1000,
      validUntil: r.valid_until.getTime() / 1000,
    }
  );
}

export interface AdmissionView extends Admission {
  reason: string;
  approvedBy: string | null;
}

export async function listAdmissions(db: Db): Promise<AdmissionView[]> {
  const { rows } = await db.query<{
    id: string;
    department: string;
    duty: string;
    reason: string;
    approved_by: string | null;
    approved_at: Date;
    valid_until: Date;
  }>(
    `SELECT a.id, a.department, a.duty, a.reason, u.username AS approved_by, a.approved_at, a.valid_until
       FROM admissions a LEFT JOIN users u ON u.id = a.approved_by ORDER BY a.approved_at DESC LIMIT 500`,
  );
  return rows.map((r) => ({
    id: r.id,
    department: r.department,
    duty: r.duty,
    reason: r.reason,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at.getTime() / 1000,
    validUntil: r.valid_until.getTime() / 1000,
  }));
}
