-- Households and people: the system of record that maps a trajectory pseudonym back to a person.
--
-- `phone_pseudonym` is the keyed HMAC (hex) of the normalised phone number, the same key the
-- trajectory store uses, so a companion found by the engine resolves to a person by one indexed
-- lookup. The raw phone is kept only here, read only within scope, and every such read is audited.
--
-- Re-running an interrupted import neither loses nor duplicates anyone: each person is upserted on
-- a natural key (phone_pseudonym, or id_number, or the source system's import_key), all unique.

CREATE TABLE households (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  place_id uuid REFERENCES places (id),
  address text,
  import_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT households_import_key_key UNIQUE (import_key)
);
CREATE INDEX households_place_idx ON households (place_id);

CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  phone text CHECK (phone ~ '^\+?[0-9]{5,20}$'),
  phone_pseudonym text CHECK (phone_pseudonym ~ '^[0-9a-f]{32,128}$'),
  id_number text CHECK (length(btrim(id_number)) > 0),
  home_address text,
  home_place_id uuid REFERENCES places (id),
  household_id uuid REFERENCES households (id) ON DELETE SET NULL,
  import_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- One phone number is one person's (the holder's); someone without a phone has neither.
  CONSTRAINT people_phone_pair CHECK ((phone IS NULL) = (phone_pseudonym IS NULL)),
  CONSTRAINT people_phone_pseudonym_key UNIQUE (phone_pseudonym),
  CONSTRAINT people_id_number_key UNIQUE (id_number),
  CONSTRAINT people_import_key_key UNIQUE (import_key),
  -- Every person can be found again by a re-run import.
  CONSTRAINT people_natural_key CHECK (
    phone_pseudonym IS NOT NULL OR id_number IS NOT NULL OR import_key IS NOT NULL
  )
);
CREATE INDEX people_home_place_idx ON people (home_place_id);
CREATE INDEX people_household_idx ON people (household_id);

CREATE TRIGGER households_touch BEFORE UPDATE ON households
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER people_touch BEFORE UPDATE ON people
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
