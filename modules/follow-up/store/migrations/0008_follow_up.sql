-- Detection runs and the community follow-up they create.
--
-- A case's detection runs in the background: its state and progress live on the case, so any
-- server (and the console) can show them. A companion that resolves to no person in the registry
-- (a phone the city does not know) still gets a task: in the city-level queue, by pseudonym, for
-- the health authority to identify; so a task is keyed by (case, subject pseudonym), and a task's
-- person may be unknown.

ALTER TABLE cases
  ADD COLUMN detection_state text NOT NULL DEFAULT 'pending'
    CHECK (detection_state IN ('pending', 'running', 'done', 'failed')),
  -- {phase, done, total}: phase one of loading, indexing, querying, storing.
  ADD COLUMN detection_progress jsonb,
  ADD COLUMN detection_error text,
  ADD COLUMN companion_count integer NOT NULL DEFAULT 0 CHECK (companion_count >= 0),
  ADD COLUMN detection_started_at timestamptz;

-- A short number per case: the default anonymised label (C0012) is made from it.
CREATE SEQUENCE case_number_seq;
ALTER TABLE cases ADD COLUMN number bigint;
UPDATE cases SET number = nextval('case_number_seq');
ALTER TABLE cases ALTER COLUMN number SET NOT NULL;
ALTER TABLE cases ALTER COLUMN number SET DEFAULT nextval('case_number_seq');
ALTER TABLE cases ADD CONSTRAINT cases_number_key UNIQUE (number);

CREATE INDEX cases_place_idx ON cases (place_id);
CREATE INDEX cases_confirmed_idx ON cases (confirmed_at DESC);
CREATE INDEX companions_case_overlap_idx ON companions (case_id, overlap_start);

ALTER TABLE tasks ALTER COLUMN person_id DROP NOT NULL;
ALTER TABLE tasks
  ADD COLUMN subject_pseudonym text,
  -- When the task should be done by; overdue is an open task past it.
  ADD COLUMN due_at timestamptz;
UPDATE tasks t SET subject_pseudonym = c.subject_pseudonym
  FROM companions c WHERE c.id = t.companion_id;
UPDATE tasks SET subject_pseudonym = 'person:' || person_id::text WHERE subject_pseudonym IS NULL;
UPDATE tasks SET due_at = created_at + interval '24 hours' WHERE due_at IS NULL;
ALTER TABLE tasks ALTER COLUMN subject_pseudonym SET NOT NULL;
ALTER TABLE tasks ALTER COLUMN due_at SET NOT NULL;
ALTER TABLE tasks ALTER COLUMN due_at SET DEFAULT now() + interval '24 hours';
ALTER TABLE tasks ADD CONSTRAINT tasks_case_subject_key UNIQUE (case_id, subject_pseudonym);
ALTER TABLE tasks ADD CONSTRAINT tasks_outcome CHECK (
  outcome IS NULL OR outcome IN ('reached', 'tested', 'isolated_at_home', 'transferred', 'unreachable')
);
CREATE INDEX tasks_place_due_idx ON tasks (place_id, due_at) WHERE state IN ('pending', 'in_progress');
CREATE INDEX tasks_assigned_idx ON tasks (assigned_to) WHERE assigned_to IS NOT NULL;

-- A person who moves takes their open tasks to their new community (done ones stay where they
-- were worked). Someone whose home becomes unknown goes to the city-level queue.
CREATE FUNCTION tasks_follow_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.home_place_id IS DISTINCT FROM OLD.home_place_id THEN
    UPDATE tasks SET place_id = coalesce(NEW.home_place_id, (
                       SELECT r.id FROM places r JOIN places o ON o.id = OLD.home_place_id
                        WHERE r.path = split_part(o.path, '.', 1))),
                     assigned_to = NULL
     WHERE person_id = NEW.id AND state IN ('pending', 'in_progress');
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER people_tasks_follow AFTER UPDATE OF home_place_id ON people
  FOR EACH ROW EXECUTE FUNCTION tasks_follow_person();
