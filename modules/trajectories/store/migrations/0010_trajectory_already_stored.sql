-- A day's stored pings are a set: an import stores only the pings the store does not already hold
-- (same pseudonym, same instant, same position), so a file that overlaps earlier ones — the same
-- file with one newline more, yesterday's export re-sent with today's — adds only what is new.
--
-- already_stored counts the file's pings left out for that reason. The counts of an import add
-- up: rows = kept (stored) + rejected + duplicates (an earlier row of the same file has the same
-- subject and instant) + already_stored. Imports recorded before this column count 0.

ALTER TABLE trajectory_imports
  ADD COLUMN already_stored integer NOT NULL DEFAULT 0 CHECK (already_stored >= 0);
