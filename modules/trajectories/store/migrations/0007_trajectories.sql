-- The trajectory store: pseudonymised pings, kept per local day, purged after the retention window.
--
-- A chunk holds the pings of one import on one day (a day's pings may span several chunks and
-- several imports) as gzip of CSV rows `subject,ts,lon,lat\n` (no header): `subject` the 64-hex
-- HMAC pseudonym of a phone number (never the number itself), `ts` whole epoch seconds. A ping's
-- day is its local date at the city's UTC offset (+08:00 by default, as in the companion contract).
--
-- An import is known by the sha256 of its raw bytes: the same file twice is recorded once. An
-- import and all its chunks are written in one transaction. Purging deletes whole days; each run
-- is logged in trajectory_purges (and in the audit log) so retention can be verified.

CREATE TABLE trajectory_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sha256 text NOT NULL CHECK (length(sha256) = 64 AND ltrim(sha256, '0123456789abcdef') = ''),
  source text NOT NULL,
  rows integer NOT NULL CHECK (rows >= 0),
  kept integer NOT NULL CHECK (kept >= 0),
  rejected integer NOT NULL CHECK (rejected >= 0),
  duplicates integer NOT NULL CHECK (duplicates >= 0),
  imported_by uuid REFERENCES users (id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT trajectory_imports_sha256_key UNIQUE (sha256)
);

CREATE TABLE trajectory_chunks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day date NOT NULL,
  import_id uuid NOT NULL REFERENCES trajectory_imports (id) ON DELETE CASCADE,
  pings integer NOT NULL CHECK (pings > 0),
  min_ts bigint NOT NULL,
  max_ts bigint NOT NULL CHECK (max_ts >= min_ts),
  data bytea NOT NULL
);
CREATE INDEX trajectory_chunks_day_idx ON trajectory_chunks (day);
CREATE INDEX trajectory_chunks_import_idx ON trajectory_chunks (import_id);

CREATE TABLE trajectory_purges (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Days before this one were deleted.
  cutoff date NOT NULL,
  retention_days integer NOT NULL CHECK (retention_days >= 1),
  days date[] NOT NULL,
  chunks integer NOT NULL CHECK (chunks >= 0),
  pings bigint NOT NULL CHECK (pings >= 0),
  purged_at timestamptz NOT NULL DEFAULT now(),
  purged_by text NOT NULL CHECK (length(purged_by) > 0)
);
CREATE INDEX trajectory_purges_at_idx ON trajectory_purges (purged_at);
