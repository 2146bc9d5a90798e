-- Volunteers and organisations (shared/contracts/social.md, "Volunteers and organisations").
--
-- An organisation (社会组织, 志愿服务队, 物业, enterprise, or a unit whose officials are posted down)
-- belongs to a place; its name is unique in the city (a file names it). A volunteer belongs to one
-- community (for an official posted down, 下沉干部: the community they are posted to, `posted`
-- true, their unit as the organisation). The phone is kept as given (normalised) for the requester
-- to call once the volunteer accepts a task: it is read only through the service (revealPhone) and
-- masked in every list. `user_id` is the volunteer's account (role volunteer, or the resident who
-- registered themself). Only verified volunteers are matched.

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('social_org', 'volunteer_team', 'property_mgmt', 'enterprise', 'unit')),
  place_id uuid NOT NULL REFERENCES places (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  CONSTRAINT organisations_name_key UNIQUE (name)
);
CREATE INDEX organisations_place_idx ON organisations (place_id);

CREATE TABLE volunteers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid REFERENCES people (id) ON DELETE SET NULL,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  phone text NOT NULL CHECK (phone ~ '^\+?[0-9]{5,20}$'),
  skills text[] NOT NULL CHECK (
    cardinality(skills) >= 1 AND skills <@ ARRAY[
      'medicine_delivery', 'food_delivery', 'transport', 'elderly_care', 'translation', 'medical',
      'psychological', 'logistics'
    ]::text[]
  ),
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  place_id uuid NOT NULL REFERENCES places (id),
  capacity integer NOT NULL DEFAULT 2 CHECK (capacity BETWEEN 1 AND 20),
  state text NOT NULL DEFAULT 'unverified' CHECK (state IN ('unverified', 'verified')),
  verified_by uuid REFERENCES users (id),
  verified_at timestamptz,
  organisation_id uuid REFERENCES organisations (id),
  posted boolean NOT NULL DEFAULT false,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT volunteers_phone_key UNIQUE (phone),
  CONSTRAINT volunteers_person_key UNIQUE (person_id),
  CONSTRAINT volunteers_user_key UNIQUE (user_id),
  CONSTRAINT volunteers_verified CHECK ((state = 'verified') = (verified_at IS NOT NULL)),
  -- An official posted down acts for their unit.
  CONSTRAINT volunteers_posted_unit CHECK (NOT posted OR organisation_id IS NOT NULL)
);
CREATE INDEX volunteers_place_idx ON volunteers (place_id);
CREATE INDEX volunteers_organisation_idx ON volunteers (organisation_id);
CREATE INDEX volunteers_verified_idx ON volunteers (place_id) WHERE state = 'verified';

-- When a volunteer is available (overlap of positive length with a request's window counts).
CREATE TABLE volunteer_windows (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  volunteer_id uuid NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  from_at timestamptz NOT NULL,
  to_at timestamptz NOT NULL,
  CONSTRAINT volunteer_windows_order CHECK (to_at > from_at),
  CONSTRAINT volunteer_windows_key UNIQUE (volunteer_id, from_at, to_at)
);
CREATE INDEX volunteer_windows_to_idx ON volunteer_windows (volunteer_id, to_at);

-- Hours served, by the city's day; `source` (e.g. `aid_request:<id>`) records a task once.
CREATE TABLE volunteer_hours (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  volunteer_id uuid NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  date date NOT NULL,
  hours numeric(5, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
  source text CHECK (length(btrim(source)) BETWEEN 1 AND 200),
  note text,
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  CONSTRAINT volunteer_hours_source_key UNIQUE (volunteer_id, source)
);
CREATE INDEX volunteer_hours_date_idx ON volunteer_hours (date, volunteer_id);
