-- Users and sessions. A staff user's scope is a place (their subtree by path); a resident's is their
-- own person record.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._@+-]{1,63}$'),
  password_hash text NOT NULL CHECK (length(password_hash) > 0),
  role text NOT NULL CHECK (role IN (
    'city_admin', 'district_officer', 'street_officer', 'community_worker',
    'health_officer', 'lab_user', 'auditor', 'resident'
  )),
  place_id uuid REFERENCES places (id),
  person_id uuid REFERENCES people (id),
  display_name text,
  unit text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_username_key UNIQUE (username),
  CONSTRAINT users_person_id_key UNIQUE (person_id),
  CONSTRAINT users_scope CHECK (
    CASE WHEN role = 'resident' THEN person_id IS NOT NULL ELSE place_id IS NOT NULL END
  )
);
CREATE INDEX users_place_idx ON users (place_id);

CREATE TRIGGER users_touch BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- A session is stored by the sha256 (hex) of its bearer token, never the token itself.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz,
  revoked_at timestamptz,
  ip text,
  user_agent text,
  CONSTRAINT sessions_expiry CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
