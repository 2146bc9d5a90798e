-- The pseudonymous person id carried in signed health-code tokens (`pid`: HMAC-SHA256 of the
-- person id keyed by the city secret, base64url). A scanner sees only the pid; the online verify
-- endpoint maps it back here to tell whether the colour changed since the token was issued. One
-- row per person, written when their first token is issued; nothing else can invert the HMAC.
CREATE TABLE health_code_pids (
  pid text PRIMARY KEY CHECK (pid ~ '^[A-Za-z0-9_-]{43}$'),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT health_code_pids_person_key UNIQUE (person_id)
);
