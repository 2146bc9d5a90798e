-- Self-assessments of resilience (shared/contracts/resilience-index.md, "Self-assessment"): a
-- community or a street answers a question bank (shipped as data in modules/resilience/banks/, by
-- id and version) with evidence per answer; an official above the place approves or returns it.
-- A returned assessment is answered again as a new submission: every submission is kept.

CREATE TABLE resilience_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the order submissions were made in (ties of submitted_at)
  seq bigint GENERATED ALWAYS AS IDENTITY,
  place_id uuid NOT NULL REFERENCES places (id) ON DELETE RESTRICT,
  bank_id text NOT NULL CHECK (bank_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(bank_id) <= 64),
  bank_version integer NOT NULL CHECK (bank_version >= 1),
  state text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'approved', 'returned')),
  -- null: the system (the demo, the CLI)
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz NOT NULL,
  -- the reviewer named at submission; null: any official above the place
  reviewer uuid REFERENCES users (id),
  reviewed_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  review_note text CHECK (length(review_note) <= 2000),
  -- the answers' radar (rules/banks.ts summarise), kept as answered
  summary jsonb NOT NULL,
  CONSTRAINT resilience_assessments_reviewed CHECK (
    (state = 'submitted') = (reviewed_at IS NULL) AND (state = 'submitted') = (reviewed_by IS NULL)
  ),
  CONSTRAINT resilience_assessments_not_own_reviewer CHECK (reviewer <> submitted_by),
  CONSTRAINT resilience_assessments_not_own_review CHECK (reviewed_by <> submitted_by)
);
-- A place's history, newest first.
CREATE INDEX resilience_assessments_place_idx ON resilience_assessments (place_id, submitted_at DESC, seq DESC);
-- The reviewers' queue.
CREATE INDEX resilience_assessments_state_idx ON resilience_assessments (state, submitted_at DESC, seq DESC);
-- One submission per place and bank awaits review at a time.
CREATE UNIQUE INDEX resilience_assessments_pending_key
  ON resilience_assessments (place_id, bank_id) WHERE state = 'submitted';

CREATE TABLE resilience_assessment_answers (
  assessment_id uuid NOT NULL REFERENCES resilience_assessments (id) ON DELETE CASCADE,
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 100),
  score integer NOT NULL,
  evidence text NOT NULL DEFAULT '' CHECK (length(evidence) <= 2000),
  -- the answers in the bank's order
  ord integer NOT NULL,
  PRIMARY KEY (assessment_id, question)
);
