-- Places: the city's administrative hierarchy, city → district → street → community → grid.
--
-- `path` is the materialised path of codes from the root, e.g. `cq.yz.jd01.sq03`, computed from the
-- parent on insert. It is collated "C" (byte order), so one btree index answers "everything under X"
-- as one range scan: path >= 'cq.yz' AND path < 'cq.yz/' ('/' is the byte after '.', and codes use
-- only [a-z0-9_], all above '/'). Plain text rather than ltree: ltree is not built into PGlite.

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

CREATE FUNCTION place_level_rank(level text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE level
    WHEN 'city' THEN 1 WHEN 'district' THEN 2 WHEN 'street' THEN 3
    WHEN 'community' THEN 4 WHEN 'grid' THEN 5 END
$$;

CREATE TABLE places (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid REFERENCES places (id) ON DELETE RESTRICT,
  level text NOT NULL CHECK (level IN ('city', 'district', 'street', 'community', 'grid')),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,32}$'),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  name_en text,
  path text COLLATE "C" NOT NULL CHECK (path ~ '^[a-z0-9_]+(\.[a-z0-9_]+)*$'),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT places_path_key UNIQUE (path),
  CONSTRAINT places_root_is_city CHECK ((parent_id IS NULL) = (level = 'city')),
  CONSTRAINT places_centroid_pair CHECK ((lon IS NULL) = (lat IS NULL))
);
CREATE INDEX places_parent_idx ON places (parent_id);
CREATE INDEX places_level_idx ON places (level);

-- Path = parent's path + '.' + code; a child sits below its parent's level. Moving a place (a new
-- parent or code) would rewrite every path under it: refused here until a migration adds that.
CREATE FUNCTION places_path() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent record;
  expected text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.parent_id IS DISTINCT FROM OLD.parent_id OR NEW.code <> OLD.code
       OR NEW.path <> OLD.path OR NEW.level <> OLD.level THEN
      RAISE EXCEPTION 'places: % cannot be moved or re-levelled (parent_id, code, path and level are fixed)', OLD.path
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.parent_id IS NULL THEN
    expected := NEW.code;
  ELSE
    SELECT p.path, p.level INTO parent FROM places p WHERE p.id = NEW.parent_id;
    IF NOT FOUND THEN
      RETURN NEW; -- the foreign key reports the missing parent
    END IF;
    IF place_level_rank(NEW.level) <= place_level_rank(parent.level) THEN
      RAISE EXCEPTION 'places: a % cannot be under the % %', NEW.level, parent.level, parent.path
        USING ERRCODE = 'check_violation';
    END IF;
    expected := parent.path || '.' || NEW.code;
  END IF;
  IF NEW.path IS NULL THEN
    NEW.path := expected;
  ELSIF NEW.path <> expected THEN
    RAISE EXCEPTION 'places: path % does not match its parent and code (expected %)', NEW.path, expected
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER places_path BEFORE INSERT OR UPDATE ON places
  FOR EACH ROW EXECUTE FUNCTION places_path();
CREATE TRIGGER places_touch BEFORE UPDATE ON places
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
