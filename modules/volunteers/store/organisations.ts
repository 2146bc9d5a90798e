/** Organisations: 社会组织, 志愿服务队, 物业, enterprises, units whose officials are posted down. */
import { type Db, UUID } from '@renxing/db';
import type { OrganisationKind } from '../rules/skills.js';

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  place: string;
  placeName: string;
  /** Its volunteers (all states). */
  volunteers: number;
  createdAt: Date;
}

interface Row {
  id: string;
  name: string;
  kind: OrganisationKind;
  place: string;
  place_name: string;
  volunteers: string | number;
  created_at: Date;
}

const SELECT = `SELECT o.id, o.name, o.kind, pl.path AS place, pl.name AS place_name, o.created_at,
       (SELECT count(*) FROM volunteers v WHERE v.organisation_id = o.id) AS volunteers
  FROM organisations o JOIN places pl ON pl.id = o.place_id`;

const toOrganisation = (r: Row): Organisation => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  place: r.place,
  placeName: r.place_name,
  volunteers: Number(r.volunteers),
  createdAt: r.created_at,
});

/**
 * Where an organisation is seen from `scope`: at or under it, or above it (a city-wide team serves
 * every community). Null scope: everywhere.
 */
const reaches = (scope: string) =>
  `(pl.path = ${scope} OR starts_with(pl.path, ${scope} || '.') OR starts_with(${scope}, pl.path || '.'))`;

/** Inserts an organisation at the place `place` (a path); its id, or null if no such place. */
export async function insertOrganisation(
  db: Db,
  o: { name: string; kind: OrganisationKind; place: string },
  meta: { by: string | null; at: Date },
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO organisations (name, kind, place_id, created_by, created_at)
     SELECT $1, $2, id, $4, $5 FROM places WHERE path = $3
     RETURNING id`,
    [o.name, o.kind, o.place, meta.by, meta.at],
  );
  return rows[0]?.id ?? null;
}

/** One organisation (seen from `scope` when given), or undefined. */
export async function organisationById(
  db: Db,
  id: string,
  o: { scope?: string | null } = {},
): Promise<Organisation | undefined> {
  if (!UUID.test(id)) return undefined;
  const params: unknown[] = [id];
  let where = 'o.id = $1';
  if (o.scope) {
    params.push(o.scope);
    where += ` AND ${reaches('$2')}`;
  }
  const { rows } = await db.query<Row>(`${SELECT} WHERE ${where}`, params);
  return rows[0] && toOrganisation(rows[0]);
}

/** Organisations seen from `scope` (null: all), optionally of a kind, by name. */
export async function listOrganisations(
  db: Db,
  f: { scope: string | null; kind?: OrganisationKind; q?: string },
): Promise<Organisation[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.scope) {
    params.push(f.scope);
    where.push(reaches(`$${params.length}`));
  }
  if (f.kind) {
    params.push(f.kind);
    where.push(`o.kind = $${params.length}`);
  }
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`o.name LIKE $${params.length}`);
  }
  const { rows } = await db.query<Row>(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.name COLLATE "C" LIMIT 1000`,
    params,
  );
  return rows.map(toOrganisation);
}

/** Organisations by exact name (seen from `scope` when given). */
export async function organisationsByName(
  db: Db,
  names: readonly string[],
  scope: string | null,
): Promise<Map<string, Organisation>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  const params: unknown[] = [unique];
  let where = 'o.name = ANY($1::text[])';
  if (scope) {
    params.push(scope);
    where += ` AND ${reaches('$2')}`;
  }
  const { rows } = await db.query<Row>(`${SELECT} WHERE ${where}`, params);
  return new Map(rows.map((r) => [r.name, toOrganisation(r)]));
}
