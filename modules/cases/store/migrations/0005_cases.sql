-- Cases, their companions, health codes and the work that follows from them.
-- Rules: shared/contracts/companion-rule.md and health-code.md; health-code names follow
-- packages/domain/src/health-code/types.ts.
--
-- Idempotency that re-running detection relies on:
--   companions           unique (case_id, subject_pseudonym): one row per (companion, case)
--   health_code_transitions  one 'companion_yellow' transition per (person, case)
--   tasks                unique (person_id, case_id): one follow-up task per (person, case)
-- A person without a health_codes row is green (every person starts green).

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The anonymised label residents see as the reason for a yellow code, e.g. '病例12' / 'case 12'.
  label text NOT NULL CHECK (length(btrim(label)) > 0),
  person_id uuid REFERENCES people (id),
  -- The case's trajectory subject (a pseudonym, never a raw phone number).
  subject_pseudonym text NOT NULL CHECK (length(subject_pseudonym) > 0),
  status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'discharged', 'closed')),
  confirmed_at timestamptz NOT NULL,
  discharged_at timestamptz,
  -- The window of the case's trajectory to search; NULL is unbounded.
  window_from timestamptz,
  window_to timestamptz,
  preset text NOT NULL DEFAULT 'default',
  detected_at timestamptz,
  place_id uuid REFERENCES places (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT cases_label_key UNIQUE (label),
  CONSTRAINT cases_window CHECK (window_from IS NULL OR window_to IS NULL OR window_from <= window_to),
  CONSTRAINT cases_discharge CHECK (CASE status
    WHEN 'confirmed' THEN discharged_at IS NULL
    WHEN 'discharged' THEN discharged_at IS NOT NULL
    ELSE true END)
);
CREATE INDEX cases_person_idx ON cases (person_id);
CREATE INDEX cases_subject_idx ON cases (subject_pseudonym);
CREATE TRIGGER cases_touch BEFORE UPDATE ON cases
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- One row per (companion, case), exactly as the engine outputs it; person_id is filled in when the
-- pseudonym resolves to a person in the registry.
CREATE TABLE companions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  person_id uuid REFERENCES people (id),
  subject_pseudonym text NOT NULL CHECK (length(subject_pseudonym) > 0),
  cell text NOT NULL CHECK (length(cell) > 0),
  overlap_start timestamptz NOT NULL,
  overlap_end timestamptz NOT NULL,
  overlap_s integer NOT NULL CHECK (overlap_s >= 0),
  detected_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT companions_case_subject_key UNIQUE (case_id, subject_pseudonym),
  CONSTRAINT companions_interval CHECK (overlap_end >= overlap_start)
);
CREATE INDEX companions_person_idx ON companions (person_id);
CREATE INDEX companions_subject_idx ON companions (subject_pseudonym);

-- The current health code of each person who has one (a person without a row is green from the
-- start). Names follow packages/domain (health-code/types.ts): `state` is the domain's whole
-- HealthCodeState (yellowSince, isolationStart, tests, companionKeys, clock …) as JSON; colour,
-- since and red_basis are copied out of it for queries and dashboards.
CREATE TABLE health_codes (
  person_id uuid PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  colour text NOT NULL CHECK (colour IN ('green', 'yellow', 'red')),
  -- When the current colour began; NULL: green from the start.
  since timestamptz,
  red_basis text CHECK (red_basis IN ('case', 'close_contact', 'positive', 'override')),
  -- The PersonReason the person is shown (what made the colour, and so what turns it green).
  reason jsonb NOT NULL,
  state jsonb NOT NULL,
  preset text NOT NULL DEFAULT 'default',
  -- Bumped on every change: an update names the version it read (optimistic concurrency).
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT health_codes_red_basis CHECK ((colour = 'red') = (red_basis IS NOT NULL))
);
CREATE INDEX health_codes_colour_idx ON health_codes (colour);

-- A colour asked for by one authorised user and approved by a second, different one, both with
-- written reasons (no single person can change a code by hand).
CREATE TABLE override_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id),
  to_colour text NOT NULL CHECK (to_colour IN ('green', 'yellow', 'red')),
  requested_by uuid NOT NULL REFERENCES users (id),
  request_reason text NOT NULL CHECK (length(btrim(request_reason)) > 0),
  requested_at timestamptz NOT NULL DEFAULT now(),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected', 'withdrawn')),
  decided_by uuid REFERENCES users (id),
  decision_reason text,
  decided_at timestamptz,
  CONSTRAINT override_requests_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
  CONSTRAINT override_requests_decision CHECK (
    CASE WHEN state IN ('approved', 'rejected')
      THEN decided_by IS NOT NULL AND decided_at IS NOT NULL AND coalesce(length(btrim(decision_reason)), 0) > 0
      ELSE decided_by IS NULL AND decided_at IS NULL
    END
  )
);
CREATE INDEX override_requests_person_idx ON override_requests (person_id);
CREATE INDEX override_requests_pending_idx ON override_requests (requested_at) WHERE state = 'pending';

-- Every change of a code, as the domain's Transition: person, from, to, rule, preset, evidence,
-- actors, time, and the reason shown to the person. Rule ids are the domain's RULE_IDS.
CREATE TABLE health_code_transitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  from_colour text NOT NULL CHECK (from_colour IN ('green', 'yellow', 'red')),
  to_colour text NOT NULL CHECK (to_colour IN ('green', 'yellow', 'red')),
  rule text NOT NULL CHECK (rule IN (
    'companion_yellow', 'confirmed_red', 'close_contact_red', 'two_negatives_green',
    'isolation_complete_green', 'discharge_monitoring_green', 'positive_red', 'override'
  )),
  preset text NOT NULL,
  case_id uuid REFERENCES cases (id),
  override_request_id uuid REFERENCES override_requests (id),
  reason jsonb NOT NULL,
  evidence jsonb NOT NULL,
  -- The people who acted (officers, override requester and approver); empty for automatic rules.
  actors text[] NOT NULL DEFAULT '{}',
  -- When the change happened (the rule's instant); recorded_at is when it was stored.
  at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT health_code_transitions_override CHECK ((rule = 'override') = (override_request_id IS NOT NULL)),
  CONSTRAINT health_code_transitions_companion_case CHECK (rule <> 'companion_yellow' OR case_id IS NOT NULL)
);
CREATE INDEX health_code_transitions_person_idx ON health_code_transitions (person_id, at);
-- Re-running detection never makes a second yellow for one (person, case).
CREATE UNIQUE INDEX health_code_transitions_companion_key
  ON health_code_transitions (person_id, case_id) WHERE rule = 'companion_yellow';
CREATE UNIQUE INDEX health_code_transitions_override_key
  ON health_code_transitions (override_request_id) WHERE override_request_id IS NOT NULL;

-- Follow-up work for a community: reach a person found as a companion of a case.
CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  place_id uuid NOT NULL REFERENCES places (id),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  companion_id bigint REFERENCES companions (id) ON DELETE SET NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_progress', 'done', 'not_executable')),
  outcome text,
  note text,
  assigned_to uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  CONSTRAINT tasks_person_case_key UNIQUE (person_id, case_id),
  CONSTRAINT tasks_finished CHECK ((state IN ('done', 'not_executable')) = (finished_at IS NOT NULL)),
  -- Why a task could not be carried out must be written down.
  CONSTRAINT tasks_not_executable_note CHECK (state <> 'not_executable' OR coalesce(length(btrim(note)), 0) > 0)
);
CREATE INDEX tasks_place_state_idx ON tasks (place_id, state);
CREATE INDEX tasks_case_idx ON tasks (case_id);
CREATE TRIGGER tasks_touch BEFORE UPDATE ON tasks
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Test results, one row per person per sample (a pooled sample gives a row for each person in it).
CREATE TABLE test_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind text NOT NULL DEFAULT 'pcr' CHECK (kind IN ('pcr', 'antigen')),
  result text NOT NULL CHECK (result IN ('negative', 'positive', 'invalid')),
  sampled_at timestamptz NOT NULL,
  reported_at timestamptz NOT NULL DEFAULT now(),
  lab text NOT NULL CHECK (length(btrim(lab)) > 0),
  sample_id text NOT NULL CHECK (length(btrim(sample_id)) > 0),
  pool_id text,
  recorded_by uuid REFERENCES users (id),
  -- A lab's upload re-sent after an interruption adds nothing twice.
  CONSTRAINT test_results_sample_key UNIQUE (lab, sample_id, person_id)
);
CREATE INDEX test_results_person_idx ON test_results (person_id, sampled_at);
CREATE INDEX test_results_pool_idx ON test_results (pool_id) WHERE pool_id IS NOT NULL;
