-- Emergency plans, incidents and the learning loop (shared/contracts/preparedness.md).
--
-- A plan has published versions, numbered from 1 and frozen (a trigger refuses any change), and
-- at most one draft being edited. A version's content — levels I–IV, each with its tasks, supply
-- norms and shelters — is one jsonb document checked by rules/content.ts before it is stored: a
-- version is read and diffed whole, never queried inside. Activating a version at a level over
-- places opens an incident; its timeline is a list of events; its review rates objectives and
-- records corrective actions, each closed only by a later published version naming it.

CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  hazard text NOT NULL CHECK (hazard IN ('epidemic', 'flood', 'blackout', 'earthquake', 'fire', 'other')),
  -- The place that owns (edits and publishes) the plan.
  owner_place_id uuid NOT NULL REFERENCES places (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX plans_owner_idx ON plans (owner_place_id);

-- The places a plan covers (at or under its owner's).
CREATE TABLE plan_places (
  plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  place_id uuid NOT NULL REFERENCES places (id),
  PRIMARY KEY (plan_id, place_id)
);
CREATE INDEX plan_places_place_idx ON plan_places (place_id);

CREATE TABLE plan_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans (id),
  number integer NOT NULL CHECK (number >= 1),
  -- {"I": {"tasks": [...], "norms": [...], "shelters": [...]}, "II": …, "III": …, "IV": …}
  levels jsonb NOT NULL CHECK (jsonb_typeof(levels) = 'object'),
  change_note text NOT NULL DEFAULT '',
  -- The corrective actions this version closes (their ids, as its change note names them).
  closes uuid[] NOT NULL DEFAULT '{}',
  published_by uuid REFERENCES users (id),
  published_at timestamptz NOT NULL,
  CONSTRAINT plan_versions_number_key UNIQUE (plan_id, number)
);

-- A published version never changes: no UPDATE, no DELETE.
CREATE FUNCTION plan_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a published plan version never changes (version %)', OLD.id
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER plan_versions_frozen BEFORE UPDATE OR DELETE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION plan_versions_frozen();

-- The version being edited: one per plan, replaced on each save, gone when published.
CREATE TABLE plan_drafts (
  plan_id uuid PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
  levels jsonb NOT NULL CHECK (jsonb_typeof(levels) = 'object'),
  saved_by uuid REFERENCES users (id),
  saved_at timestamptz NOT NULL
);

CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,
  plan_id uuid NOT NULL REFERENCES plans (id),
  version_id uuid NOT NULL REFERENCES plan_versions (id),
  level text NOT NULL CHECK (level IN ('I', 'II', 'III', 'IV')),
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  activated_by uuid REFERENCES users (id),
  activated_at timestamptz NOT NULL,
  closed_by uuid REFERENCES users (id),
  closed_at timestamptz,
  CONSTRAINT incidents_closed CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX incidents_plan_idx ON incidents (plan_id, activated_at);

CREATE TABLE incident_places (
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  place_id uuid NOT NULL REFERENCES places (id),
  PRIMARY KEY (incident_id, place_id)
);
CREATE INDEX incident_places_place_idx ON incident_places (place_id);

-- The timeline: activation, items raised, gaps, shelters opened, reviews, actions, revisions, closing.
CREATE TABLE incident_events (
  seq bigserial PRIMARY KEY,
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('activated', 'items_raised', 'supply_gaps', 'shelters_opened',
                                     'review', 'actions_added', 'action_closed', 'closed')),
  actor uuid REFERENCES users (id),
  detail jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object')
);
CREATE INDEX incident_events_incident_idx ON incident_events (incident_id, seq);

-- What the review rates: one objective per task group of the level (made at activation), and
-- those the reviewers add.
CREATE TABLE incident_objectives (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  position integer NOT NULL,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  -- The task group's role when the group is a role (null: an explicit group, or the reviewers').
  role text,
  source text NOT NULL CHECK (source IN ('plan', 'reviewers')),
  -- The keys of the level's tasks in the group.
  tasks text[] NOT NULL DEFAULT '{}',
  rating text CHECK (rating IN ('P', 'S', 'M', 'U')),
  note text,
  rated_by uuid REFERENCES users (id),
  rated_at timestamptz,
  CONSTRAINT incident_objectives_position_key UNIQUE (incident_id, position)
);

CREATE TABLE corrective_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,
  incident_id uuid NOT NULL REFERENCES incidents (id),
  objective_id uuid NOT NULL REFERENCES incident_objectives (id),
  plan_id uuid NOT NULL REFERENCES plans (id),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  owner_id uuid NOT NULL REFERENCES users (id),
  due timestamptz NOT NULL,
  element text NOT NULL CHECK (element IN ('planning', 'organisation', 'equipment', 'training', 'exercise')),
  created_by uuid REFERENCES users (id),
  -- When the review that recorded it was submitted (the start of "review to revision").
  reviewed_at timestamptz NOT NULL,
  -- The published version whose change note names it: set once, by publishing.
  closed_by_version uuid REFERENCES plan_versions (id),
  closed_at timestamptz,
  CONSTRAINT corrective_actions_closed CHECK ((closed_by_version IS NULL) = (closed_at IS NULL))
);
CREATE INDEX corrective_actions_incident_idx ON corrective_actions (incident_id);
CREATE INDEX corrective_actions_plan_idx ON corrective_actions (plan_id) WHERE closed_at IS NULL;
CREATE INDEX corrective_actions_objective_idx ON corrective_actions (objective_id);
