-- A companion's task is found by (case, subject): a page of companions looks up its 50 tasks
-- directly instead of scanning the case's tasks for each.
CREATE INDEX tasks_case_subject_idx ON tasks (case_id, subject_pseudonym);
