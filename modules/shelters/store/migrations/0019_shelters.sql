-- Emergency shelters (shared/contracts/preparedness.md, "Shelters").
--
-- A shelter sits at a place, at a location, with a day and a night capacity, a type, what it offers
-- and a state. `occupancy` is the number of people checked in and not yet out: the sum of `people`
-- over its open check-ins, kept by the service in the same transaction as the check-in or check-out
-- that changes it, under the shelter row's lock, so concurrent check-ins never take it past the
-- capacity (the CHECK below refuses a negative count whatever happens).

CREATE TABLE shelters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  place_id uuid NOT NULL REFERENCES places (id),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  address text,
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  capacity_day integer NOT NULL CHECK (capacity_day BETWEEN 0 AND 1000000),
  capacity_night integer NOT NULL CHECK (capacity_night BETWEEN 0 AND 1000000),
  type text NOT NULL CHECK (type IN ('indoor', 'outdoor')),
  -- What it offers, a subset of beds, accessible, medical, pets (sorted, no repeats).
  offers text[] NOT NULL DEFAULT '{}' CHECK (offers <@ ARRAY['accessible', 'beds', 'medical', 'pets']::text[]),
  state text NOT NULL DEFAULT 'closed' CHECK (state IN ('closed', 'open')),
  state_changed_at timestamptz,
  state_changed_by uuid REFERENCES users (id),
  occupancy integer NOT NULL DEFAULT 0 CHECK (occupancy >= 0),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- A place's shelters have different names: the import finds a shelter again by them.
  CONSTRAINT shelters_place_name_key UNIQUE (place_id, name)
);

-- Who came in, how many, and when they left. A row is one stay: a registry person (1), a registry
-- household (its people), or a count under a name for people not in the registry.
CREATE TABLE shelter_checkins (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  shelter_id uuid NOT NULL REFERENCES shelters (id),
  person_id uuid REFERENCES people (id) ON DELETE SET NULL,
  household_id uuid REFERENCES households (id) ON DELETE SET NULL,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  people integer NOT NULL CHECK (people BETWEEN 1 AND 10000),
  note text,
  checked_in_at timestamptz NOT NULL,
  checked_in_by uuid REFERENCES users (id),
  checked_out_at timestamptz,
  checked_out_by uuid REFERENCES users (id),
  CONSTRAINT shelter_checkins_one_subject CHECK (person_id IS NULL OR household_id IS NULL),
  CONSTRAINT shelter_checkins_out_after_in CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at)
);
CREATE INDEX shelter_checkins_open_idx ON shelter_checkins (shelter_id, checked_in_at) WHERE checked_out_at IS NULL;
-- Someone (or a household) is in one shelter at a time.
CREATE UNIQUE INDEX shelter_checkins_person_open_key ON shelter_checkins (person_id)
  WHERE checked_out_at IS NULL AND person_id IS NOT NULL;
CREATE UNIQUE INDEX shelter_checkins_household_open_key ON shelter_checkins (household_id)
  WHERE checked_out_at IS NULL AND household_id IS NOT NULL;
