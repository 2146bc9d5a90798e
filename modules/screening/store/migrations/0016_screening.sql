-- Mass screening with pooled samples (shared/contracts/screening.md).
--
-- A round covers places over a window. Its expected people are snapshotted when it is created
-- (the residents homed under its places, each with their community and household), so coverage is
-- an aggregate over one table: a 1,000,000-resident district counts in well under a second.
-- `first_sampled_at` is kept by the service as samples arrive (any tube in the round's window).

CREATE TABLE screening_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  -- Tube size per zone: {"sealed": 1, "controlled": 10, "prevention": 20}.
  pooling jsonb NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  -- Distinct people in the round's tubes (kept as samples arrive).
  people_sampled integer NOT NULL DEFAULT 0,
  CONSTRAINT screening_rounds_window CHECK (starts_at < ends_at)
);

CREATE TABLE screening_round_places (
  round_id uuid NOT NULL REFERENCES screening_rounds (id) ON DELETE CASCADE,
  place_id uuid NOT NULL REFERENCES places (id),
  zone text NOT NULL CHECK (zone IN ('sealed', 'controlled', 'prevention')),
  PRIMARY KEY (round_id, place_id)
);

CREATE TABLE screening_sites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES screening_rounds (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  place_id uuid NOT NULL REFERENCES places (id),
  zone text NOT NULL CHECK (zone IN ('sealed', 'controlled', 'prevention')),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  opens text NOT NULL CHECK (opens ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  closes text NOT NULL CHECK (closes ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  capacity_per_hour integer NOT NULL CHECK (capacity_per_hour > 0),
  CONSTRAINT screening_sites_location CHECK ((lon IS NULL) = (lat IS NULL))
);
CREATE INDEX screening_sites_round_idx ON screening_sites (round_id);

CREATE TABLE screening_expected (
  round_id uuid NOT NULL REFERENCES screening_rounds (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  -- The person's community (null: homed above community level).
  community_id uuid REFERENCES places (id),
  household_id uuid,
  exempt_reason text CHECK (exempt_reason IN ('bedridden', 'away', 'infant', 'other')),
  exempt_note text,
  exempted_by uuid REFERENCES users (id),
  first_sampled_at timestamptz,
  PRIMARY KEY (round_id, person_id),
  CONSTRAINT screening_expected_other_note CHECK (exempt_reason IS DISTINCT FROM 'other' OR length(btrim(exempt_note)) > 0)
);
CREATE INDEX screening_expected_person_idx ON screening_expected (person_id);
CREATE INDEX screening_expected_community_idx ON screening_expected (round_id, community_id);

-- Coverage kept as counters, so a round's coverage reads one row per community whatever its size:
-- per household (expected and tested people, exemptions excluded) and per community (expected,
-- exempt, tested, households with expected people of whom nobody was tested). The store keeps them
-- with every sample and exemption; recountRound rebuilds them from the rows.
CREATE TABLE screening_household_counts (
  round_id uuid NOT NULL REFERENCES screening_rounds (id) ON DELETE CASCADE,
  household_id uuid NOT NULL,
  community_id uuid,
  expected integer NOT NULL,
  tested integer NOT NULL,
  PRIMARY KEY (round_id, household_id)
);
CREATE INDEX screening_household_counts_community_idx ON screening_household_counts (round_id, community_id);

CREATE TABLE screening_community_counts (
  round_id uuid NOT NULL REFERENCES screening_rounds (id) ON DELETE CASCADE,
  -- Null: people homed above community level.
  community_id uuid REFERENCES places (id),
  expected integer NOT NULL,
  exempt integer NOT NULL,
  tested integer NOT NULL,
  untested_households integer NOT NULL
);
CREATE UNIQUE INDEX screening_community_counts_key
  ON screening_community_counts (round_id, coalesce(community_id, '00000000-0000-0000-0000-000000000000'));

CREATE TABLE screening_tubes (
  barcode text COLLATE "C" PRIMARY KEY CHECK (length(barcode) > 0),
  round_id uuid REFERENCES screening_rounds (id),
  site_id uuid REFERENCES screening_sites (id),
  k integer NOT NULL CHECK (k BETWEEN 1 AND 50),
  sampled_at timestamptz NOT NULL,
  members integer NOT NULL DEFAULT 0 CHECK (members >= 0 AND members <= k),
  sealed_at timestamptz,
  sealed_by uuid REFERENCES users (id),
  created_by uuid REFERENCES users (id),
  result text CHECK (result IN ('negative', 'positive', 'invalid')),
  reported_at timestamptz,
  result_import_id uuid,
  -- Extra columns of the lab's file (lab, ct, …) kept as evidence.
  result_evidence jsonb,
  CONSTRAINT screening_tubes_result CHECK ((result IS NULL) = (reported_at IS NULL))
);
CREATE INDEX screening_tubes_round_idx ON screening_tubes (round_id, sampled_at);
CREATE INDEX screening_tubes_positive_idx ON screening_tubes (reported_at) WHERE result = 'positive';

CREATE TABLE screening_members (
  barcode text COLLATE "C" NOT NULL REFERENCES screening_tubes (barcode) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 1),
  scanned_at timestamptz NOT NULL,
  scanned_by uuid REFERENCES users (id),
  PRIMARY KEY (barcode, person_id),
  CONSTRAINT screening_members_position_key UNIQUE (barcode, position)
);
CREATE INDEX screening_members_person_idx ON screening_members (person_id);

CREATE TABLE screening_result_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name text,
  imported_by uuid REFERENCES users (id),
  imported_at timestamptz NOT NULL,
  rows integer NOT NULL,
  accepted integer NOT NULL,
  unchanged integer NOT NULL,
  -- {line, reason} with the reason's stable code (rules/files.ts REJECT_REASONS).
  rejects jsonb NOT NULL DEFAULT '[]',
  -- What the file resolved: tubes and members by outcome, health-code changes, inbox items.
  summary jsonb NOT NULL DEFAULT '{}'
);
