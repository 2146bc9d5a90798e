-- Residents counted per home place, kept by statement-level triggers: the dashboard and people
-- search read a subtree's total from a few hundred rows instead of counting a million people on
-- every request. A bulk import adjusts each place once per statement (transition tables), not once
-- per row, taking the counters' row locks in place order (so two imports never deadlock on them).
-- Deltas of either sign go through INSERT … ON CONFLICT, so `people` has no CHECK: PostgreSQL
-- checks the proposed row (a negative delta) before it finds the conflict.
CREATE TABLE people_place_counts (
  place_id uuid PRIMARY KEY REFERENCES places (id) ON DELETE CASCADE,
  people bigint NOT NULL DEFAULT 0
);

INSERT INTO people_place_counts (place_id, people)
SELECT home_place_id, count(*) FROM people WHERE home_place_id IS NOT NULL GROUP BY home_place_id;

CREATE FUNCTION people_place_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO people_place_counts AS c (place_id, people)
  SELECT home_place_id, count(*) FROM new_rows WHERE home_place_id IS NOT NULL
   GROUP BY home_place_id ORDER BY home_place_id
  ON CONFLICT (place_id) DO UPDATE SET people = c.people + EXCLUDED.people;
  RETURN NULL;
END $$;

CREATE FUNCTION people_place_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO people_place_counts AS c (place_id, people)
  SELECT home_place_id, -count(*) FROM old_rows WHERE home_place_id IS NOT NULL
   GROUP BY home_place_id ORDER BY home_place_id
  ON CONFLICT (place_id) DO UPDATE SET people = c.people + EXCLUDED.people;
  RETURN NULL;
END $$;

CREATE FUNCTION people_place_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO people_place_counts AS c (place_id, people)
  SELECT place_id, sum(n) FROM (
    SELECT o.home_place_id AS place_id, -1 AS n FROM old_rows o JOIN new_rows w ON w.id = o.id
     WHERE o.home_place_id IS DISTINCT FROM w.home_place_id AND o.home_place_id IS NOT NULL
    UNION ALL
    SELECT w.home_place_id, 1 FROM old_rows o JOIN new_rows w ON w.id = o.id
     WHERE o.home_place_id IS DISTINCT FROM w.home_place_id AND w.home_place_id IS NOT NULL
  ) d GROUP BY place_id ORDER BY place_id
  ON CONFLICT (place_id) DO UPDATE SET people = c.people + EXCLUDED.people;
  RETURN NULL;
END $$;

CREATE TRIGGER people_place_counts_insert AFTER INSERT ON people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION people_place_counts_add();
CREATE TRIGGER people_place_counts_delete AFTER DELETE ON people
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION people_place_counts_remove();
CREATE TRIGGER people_place_counts_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION people_place_counts_move();

-- People search lists a subtree in name order: each place's residents walked in that order, so a
-- page takes its first rows from every place under the subtree and sorts only those.
CREATE INDEX people_home_name_idx ON people (home_place_id, name COLLATE "C", id);

-- A part of a name is found through the characters it holds (a GIN index over each name's
-- characters; Chinese names are two to four of them), then checked as a substring: a name search
-- over a city touches the few people whose names hold every character typed, not every resident.
CREATE INDEX people_name_chars_idx ON people USING gin (string_to_array(lower(name), NULL));
