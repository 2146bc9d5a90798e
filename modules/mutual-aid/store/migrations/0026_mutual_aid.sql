-- Mutual aid (shared/contracts/social.md, "Mutual-aid requests" and "Matching"): residents' requests
-- for help, the offers a matching run makes to volunteers, the runs themselves and each request's
-- history (the requester is told of every change; aid_events is what they were told).
--
-- A request belongs to its requester (a person) and to a place (the community whose workers see it
-- and whose inbox gets it when it expires). Its location is a point: the home's by default (the
-- person's home place centre), or one given. States: open → matched → accepted → done, or
-- cancelled, or expired (window passed unmatched). A volunteer's decline is kept on the offer; the
-- request goes back to open.

CREATE TABLE aid_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  requester_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  need text NOT NULL CHECK (need ~ '^[a-z][a-z0-9_]{0,63}$'),
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  -- Whether the point is the home's (true) or one the requester gave.
  at_home boolean NOT NULL,
  place_id uuid NOT NULL REFERENCES places (id),
  urgency text NOT NULL CHECK (urgency IN ('urgent', 'normal')),
  window_from timestamptz NOT NULL,
  window_to timestamptz NOT NULL,
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  state text NOT NULL CHECK (state IN ('open', 'matched', 'accepted', 'done', 'cancelled', 'expired')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT aid_requests_window CHECK (window_from < window_to)
);
-- The duplicate check: a requester's live requests for one need.
CREATE INDEX aid_requests_requester_idx ON aid_requests (requester_id, need) WHERE state IN ('open', 'matched', 'accepted');
-- A matching run's input and the expiry sweep: live requests by window end.
CREATE INDEX aid_requests_live_idx ON aid_requests (state, window_to) WHERE state IN ('open', 'matched');
CREATE INDEX aid_requests_place_idx ON aid_requests (place_id, created_at);

-- One matching run: when, what it was given, what it found (its unmatched requests with the
-- reason, as the contract words it), how long it took, and whether a user or the timer ran it.
CREATE TABLE aid_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  at timestamptz NOT NULL,
  requests integer NOT NULL CHECK (requests >= 0),
  volunteers integer NOT NULL CHECK (volunteers >= 0),
  matched integer NOT NULL CHECK (matched >= 0),
  weight integer NOT NULL CHECK (weight >= 0),
  distance_m double precision NOT NULL CHECK (distance_m >= 0),
  ms double precision NOT NULL CHECK (ms >= 0),
  trigger text NOT NULL CHECK (trigger IN ('on_demand', 'scheduled')),
  run_by uuid REFERENCES users (id) ON DELETE SET NULL,
  max_km double precision NOT NULL CHECK (max_km > 0),
  -- [{ "request": uuid, "reason": "no skill" | "no availability" | "too far" | "no capacity" }]
  unmatched jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(unmatched) = 'array')
);
CREATE INDEX aid_runs_at_idx ON aid_runs (at DESC);

-- An offer of one request to one volunteer, made by a run. At most one live offer per request.
CREATE TABLE aid_offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The order offers were made in (several in one instant).
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  request_id uuid NOT NULL REFERENCES aid_requests (id) ON DELETE CASCADE,
  volunteer_id uuid NOT NULL REFERENCES volunteers (id),
  run_id uuid REFERENCES aid_runs (id) ON DELETE SET NULL,
  distance_m double precision NOT NULL CHECK (distance_m >= 0),
  state text NOT NULL CHECK (state IN ('offered', 'accepted', 'declined', 'expired', 'done', 'cancelled')),
  at timestamptz NOT NULL,
  answered_at timestamptz
);
CREATE UNIQUE INDEX aid_offers_live_key ON aid_offers (request_id) WHERE state IN ('offered', 'accepted');
-- A volunteer's offers (their list; their tasks of a day against their capacity).
CREATE INDEX aid_offers_volunteer_idx ON aid_offers (volunteer_id, at);
CREATE INDEX aid_offers_run_idx ON aid_offers (run_id);

-- A request's history: every state change, who made it, and a note (the volunteer's answer, the
-- reason of a cancel). What the requester is told.
CREATE TABLE aid_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES aid_requests (id) ON DELETE CASCADE,
  state text NOT NULL CHECK (state IN ('open', 'matched', 'accepted', 'done', 'cancelled', 'expired', 'declined')),
  at timestamptz NOT NULL,
  by_user uuid REFERENCES users (id) ON DELETE SET NULL,
  offer_id uuid REFERENCES aid_offers (id) ON DELETE SET NULL,
  note text NOT NULL DEFAULT ''
);
CREATE INDEX aid_events_request_idx ON aid_events (request_id, id);
