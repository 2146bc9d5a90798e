/** The peer-city registry (migration 0031) and this city's own code. */
import type { Db } from '@renxing/db';
import type { JSONWebKeySet } from 'jose';

export interface PeerCity {
  code: string;
  name: string;
  kind: PeerKind;
  baseUrl: string;
  jwks: JSONWebKeySet;
  jwksFetchedAt: Date | null;
  places: string[];
  shareIdentity: boolean;
  registeredAt: Date;
  updatedAt: Date;
}

export type PeerKind = 'city' | 'department';

interface PeerRow {
  code: string;
  name: string;
  kind: PeerKind;
  base_url: string;
  jwks: JSONWebKeySet;
  jwks_fetched_at: Date | null;
  places: string[];
  share_identity: boolean;
  registered_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'code, name, kind, base_url, jwks, jwks_fetched_at, places, share_identity, registered_at, updated_at';

const toPeer = (r: PeerRow): PeerCity => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  baseUrl: r.base_url,
  jwks: r.jwks,
  jwksFetchedAt: r.jwks_fetched_at,
  places: r.places,
  shareIdentity: r.share_identity,
  registeredAt: r.registered_at,
  updatedAt: r.updated_at,
});

export async function listPeers(db: Db): Promise<PeerCity[]> {
  const { rows } = await db.query<PeerRow>(`SELECT ${COLUMNS} FROM peer_cities ORDER BY code`);
  return rows.map(toPeer);
}

export async function peerByCode(db: Db, code: string): Promise<PeerCity | undefined> {
  const { rows } = await db.query<PeerRow>(`SELECT ${COLUMNS} FROM peer_cities WHERE code = $1`, [code]);
  return rows[0] ? toPeer(rows[0]) : undefined;
}

export interface PeerInput {
  code: string;
  name: string;
  kind: PeerKind;
  baseUrl: string;
  jwks: JSONWebKeySet;
  /** When the keys were read from the peer (null: given by hand). */
  fetchedAt: Date | null;
  places: string[];
  shareIdentity: boolean;
  registeredBy: string | null;
}

/** Registers a peer, or updates its entry (a re-registration refreshes its URL, keys and agreement). */
export async function upsertPeer(db: Db, p: PeerInput): Promise<{ peer: PeerCity; created: boolean }> {
  const { rows } = await db.query<PeerRow & { created: boolean }>(
    `INSERT INTO peer_cities (code, name, base_url, jwks, jwks_fetched_at, places, share_identity, registered_by, kind)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, base_url = EXCLUDED.base_url,
       jwks = EXCLUDED.jwks, jwks_fetched_at = EXCLUDED.jwks_fetched_at, places = EXCLUDED.places,
       share_identity = EXCLUDED.share_identity
     RETURNING ${COLUMNS}, (xmax = 0) AS created`,
    [
      p.code,
      p.name,
      p.baseUrl,
      JSON.stringify(p.jwks),
      p.fetchedAt,
      p.places,
      p.shareIdentity,
      p.registeredBy,
      p.kind,
    ],
  );
  return { peer: toPeer(rows[0]), created: rows[0].created };
}

/** Stores keys read again from the peer (after a rotation). */
export async function setPeerKeys(db: Db, code: string, jwks: JSONWebKeySet, at: Date): Promise<void> {
  await db.query('UPDATE peer_cities SET jwks = $2::jsonb, jwks_fetched_at = $3 WHERE code = $1', [
    code,
    JSON.stringify(jwks),
    at,
  ]);
}

/** This city's code: the path of its root place (null: no places yet). */
export async function ownCityCode(db: Db): Promise<string | null> {
  const { rows } = await db.query<{ path: string }>(
    `SELECT path FROM places WHERE parent_id IS NULL ORDER BY (level = 'city') DESC, path LIMIT 1`,
  );
  return rows[0]?.path ?? null;
}
