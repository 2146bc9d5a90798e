-- Federation between cities and departments (docs/rules/federation.md): the peers this instance
-- exchanges hand-offs with (other cities, or departments of this city running their own instance), the hand-offs both ways, the outbox that delivers signed messages until the
-- peer acknowledges them, and the message ids already received (nothing is applied twice).

CREATE TABLE peer_cities (
  -- The peer's city code: the root of its place tree, and the `iss` of what it signs.
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9]{0,15}$'),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  -- Another city, or a department of this city (public security, health …) with its own instance.
  kind text NOT NULL DEFAULT 'city' CHECK (kind IN ('city', 'department')),
  -- Where its API answers (https://…, or http:// on a closed network).
  base_url text NOT NULL CHECK (base_url ~ '^https?://'),
  -- Its published keys (JWKS), as fetched from <base_url>/.well-known/jwks.json or given.
  jwks jsonb NOT NULL,
  jwks_fetched_at timestamptz,
  -- The place paths it covers (its root, or parts of it): a hand-off names a home under one.
  places text[] NOT NULL CHECK (cardinality(places) > 0),
  -- The agreement: whether names, phones and ID numbers may travel (else pseudonyms only).
  share_identity boolean NOT NULL DEFAULT false,
  registered_by uuid REFERENCES users (id),
  registered_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER peer_cities_touch BEFORE UPDATE ON peer_cities
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- One row per hand-off on each side; `id` is the message id the two cities share.
--   out: queued → sent (the peer acknowledged it) → accepted | rejected; refused (the peer
--        refused the message itself: signature, sender, expiry …)
--   in:  received → accepted | rejected
CREATE TABLE handoffs (
  id uuid PRIMARY KEY,
  direction text NOT NULL CHECK (direction IN ('out', 'in')),
  peer text NOT NULL REFERENCES peer_cities (code),
  kind text NOT NULL CHECK (kind IN ('case', 'companion', 'contact', 'resident')),
  state text NOT NULL CHECK (state IN ('queued', 'sent', 'refused', 'received', 'accepted', 'rejected')),
  -- The receiving city's place the person lives in (or is taken in by).
  home_place text NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  -- The message body as signed (who, why, the evidence).
  body jsonb NOT NULL,
  decision_reason text,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  -- out: the case, person and companion it came from; in: what accepting it created here.
  case_id uuid REFERENCES cases (id),
  person_id uuid REFERENCES people (id),
  companion_id bigint REFERENCES companions (id) ON DELETE SET NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT handoffs_state_direction CHECK (
    CASE direction WHEN 'out' THEN state IN ('queued', 'sent', 'refused', 'accepted', 'rejected')
                   ELSE state IN ('received', 'accepted', 'rejected') END),
  CONSTRAINT handoffs_decision CHECK ((state IN ('accepted', 'rejected')) = (decided_at IS NOT NULL))
);
CREATE INDEX handoffs_list_idx ON handoffs (direction, created_at DESC);
CREATE INDEX handoffs_case_idx ON handoffs (case_id);
CREATE TRIGGER handoffs_touch BEFORE UPDATE ON handoffs
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Signed messages waiting for their peer's acknowledgement: a hand-off, or the answer to one.
-- Each attempt signs anew (fresh iat, exp) under the same message id.
CREATE TABLE federation_outbox (
  message_id uuid PRIMARY KEY,
  handoff_id uuid NOT NULL REFERENCES handoffs (id),
  peer text NOT NULL REFERENCES peer_cities (code),
  type text NOT NULL CHECK (type IN ('handoff', 'decision')),
  body jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_at timestamptz NOT NULL,
  delivered_at timestamptz,
  -- The peer refused the message (a reason code): it is not sent again.
  refused text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT federation_outbox_one UNIQUE (handoff_id, type)
);
CREATE INDEX federation_outbox_due_idx ON federation_outbox (next_at)
  WHERE delivered_at IS NULL AND refused IS NULL;

-- Every message id received from a peer: a second arrival is a replay, refused, never applied.
CREATE TABLE federation_received (
  peer text NOT NULL REFERENCES peer_cities (code),
  message_id uuid NOT NULL,
  type text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (peer, message_id)
);
