-- Items other areas of the platform raise in a community's inbox (screening's re-test and re-sample
-- tasks, first), one per person and cause, beside the items that gather departments' demands.
-- `origin` is null for departments' items; a platform item has no demands, so it never counts in
-- the burden statistics and never joins a department's item.
ALTER TABLE work_items
  ADD COLUMN origin text CHECK (origin ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)*$' AND length(origin) <= 64),
  ADD COLUMN subject_person_id uuid REFERENCES people (id) ON DELETE SET NULL,
  ADD COLUMN origin_ref text,
  ADD COLUMN detail jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object'),
  ADD CONSTRAINT work_items_origin_ref CHECK ((origin IS NULL) = (origin_ref IS NULL));

-- Raising the same item again (origin, its reference such as a tube's barcode, the person) is a no-op.
-- (An item with no person is kept unique by the store: NULLs are distinct here, so a person deleted
-- from two items of one tube does not collide.)
CREATE UNIQUE INDEX work_items_origin_key ON work_items (origin, origin_ref, subject_person_id)
  WHERE origin IS NOT NULL;
-- A person's open platform items, found when the area that raised them closes them.
CREATE INDEX work_items_subject_open_idx ON work_items (subject_person_id, origin)
  WHERE origin IS NOT NULL AND state <> 'done';
