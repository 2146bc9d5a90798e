-- Public participation (公众参与): residents' reports with their history, photos and SLAs per
-- category, and the early warnings raised from residents' symptom reports.
--
-- A report's text is stored as text and is never rendered as HTML. A near-duplicate points at the
-- earliest report of its issue (`duplicate_of`, never a chain). A photo's bytes live in their own
-- table, kept with the content type their magic bytes proved (JPEG, PNG, WebP).

CREATE TABLE report_slas (
  category text PRIMARY KEY
    CHECK (category IN ('hazard', 'suggestion', 'complaint', 'health_symptom', 'need')),
  ack_hours double precision NOT NULL CHECK (ack_hours > 0 AND ack_hours <= 8760),
  respond_hours double precision NOT NULL CHECK (respond_hours > 0 AND respond_hours <= 8760),
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);

CREATE TABLE reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reporter_person_id uuid NOT NULL REFERENCES people (id),
  reporter_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  -- The staff user who submitted it for the reporter (null: the reporter themselves).
  submitted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  category text NOT NULL
    CHECK (category IN ('hazard', 'suggestion', 'complaint', 'health_symptom', 'need')),
  text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 4000),
  place_id uuid NOT NULL REFERENCES places (id),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  contact_email text CHECK (length(contact_email) <= 254),
  allow_public boolean NOT NULL DEFAULT false,
  state text NOT NULL DEFAULT 'submitted'
    CHECK (state IN ('submitted', 'acknowledged', 'assigned', 'responded', 'closed')),
  duplicate_of uuid REFERENCES reports (id),
  assigned_to text CHECK (length(assigned_to) <= 200),
  response text CHECK (length(response) <= 4000),
  response_public boolean NOT NULL DEFAULT false,
  submitted_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  assigned_at timestamptz,
  responded_at timestamptz,
  closed_at timestamptz,
  reopened_at timestamptz,
  reopen_count integer NOT NULL DEFAULT 0,
  has_photo boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL,
  CONSTRAINT reports_location_pair CHECK ((lon IS NULL) = (lat IS NULL)),
  CONSTRAINT reports_not_own_duplicate CHECK (duplicate_of IS DISTINCT FROM id)
);
CREATE INDEX reports_place_idx ON reports (place_id, submitted_at DESC);
CREATE INDEX reports_reporter_idx ON reports (reporter_person_id, submitted_at DESC);
CREATE INDEX reports_user_idx ON reports (reporter_user_id, submitted_at DESC);
CREATE INDEX reports_duplicate_idx ON reports (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX reports_symptom_idx ON reports (place_id, submitted_at) WHERE category = 'health_symptom';

-- Every change of a report's state, with its words (a response's text, a reopen's reason).
CREATE TABLE report_events (
  id bigserial PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL CHECK (action IN ('submit', 'acknowledge', 'assign', 'respond', 'close', 'reopen')),
  from_state text,
  to_state text NOT NULL,
  text text CHECK (length(text) <= 4000),
  public boolean NOT NULL DEFAULT false
);
CREATE INDEX report_events_report_idx ON report_events (report_id, id);

CREATE TABLE report_photos (
  report_id uuid PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size integer NOT NULL CHECK (size > 0 AND size <= 5242880),
  sha256 text NOT NULL,
  bytes bytea NOT NULL,
  stored_at timestamptz NOT NULL
);

-- One warning per community and hour at most; the rule keeps them 24 h apart.
CREATE TABLE early_warnings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  place_id uuid NOT NULL REFERENCES places (id),
  hour timestamptz NOT NULL,
  n integer NOT NULL CHECK (n >= 0),
  m double precision NOT NULL,
  s double precision NOT NULL,
  threshold double precision NOT NULL,
  report_ids uuid[] NOT NULL,
  raised_at timestamptz NOT NULL,
  CONSTRAINT early_warnings_once UNIQUE (place_id, hour)
);
CREATE INDEX early_warnings_raised_idx ON early_warnings (place_id, raised_at DESC);
