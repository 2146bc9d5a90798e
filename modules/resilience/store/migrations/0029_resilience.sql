-- The resilience index (shared/contracts/resilience-index.md): the city's settings, its own
-- indicators and their uploaded values, and each computed date's run, values and scores.
--
-- The platform's indicators are code (each area's `indicators.ts`); only what the city decides and
-- what the computation produced is stored here.

-- The city's settings: one row. `disabled` are indicator keys switched off (platform or city);
-- `hazards` are the hazards the city lists (plan.coverage divides by how many).
CREATE TABLE resilience_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  disabled text[] NOT NULL DEFAULT '{}',
  hazards text[] NOT NULL DEFAULT ARRAY['epidemic', 'flood', 'blackout', 'earthquake', 'fire']::text[]
    CHECK (cardinality(hazards) >= 1),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz
);
INSERT INTO resilience_settings (id) VALUES (true);

-- The city's own indicators (uploaded as a table): scored like the platform's, from the values the
-- city uploads. A key may not be a platform indicator's (checked by the service: those are code).
CREATE TABLE resilience_custom_indicators (
  key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$' AND length(key) <= 100),
  mechanism text NOT NULL CHECK (mechanism IN ('engineering', 'institutional', 'social')),
  trait text NOT NULL CHECK (trait IN ('self_organisation', 'redundancy', 'adaptability')),
  direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
  unit text NOT NULL CHECK (length(btrim(unit)) BETWEEN 1 AND 40),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  title_en text NOT NULL CHECK (length(btrim(title_en)) BETWEEN 1 AND 200),
  definition text NOT NULL CHECK (length(definition) <= 2000),
  definition_en text NOT NULL CHECK (length(definition_en) <= 2000),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- The values the city uploads for its indicators, by community and date: the computation of a
-- date uses each community's newest value dated on or before it.
CREATE TABLE resilience_custom_values (
  key text NOT NULL REFERENCES resilience_custom_indicators (key) ON DELETE CASCADE,
  community_id uuid NOT NULL REFERENCES places (id),
  date date NOT NULL,
  value double precision NOT NULL CHECK (value = value AND value NOT IN ('Infinity', '-Infinity')),
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (key, community_id, date)
);

-- One computation per city date (a recomputation replaces it): how long it took, how many
-- communities, the indicators computed, those switched off, and those with no value anywhere.
CREATE TABLE resilience_runs (
  date date PRIMARY KEY,
  computed_at timestamptz NOT NULL,
  ms integer NOT NULL CHECK (ms >= 0),
  communities integer NOT NULL CHECK (communities >= 0),
  indicators text[] NOT NULL,
  disabled text[] NOT NULL,
  absent text[] NOT NULL
);

-- Each indicator's value for a community on a computed date, with the two numbers it came from,
-- its normalised score (0–1, higher is better), its one-sentence summary ({en, zh-CN}) and up to
-- 20 records it was computed from (the most telling first; `record_count` says how many there were).
-- Summary and records are `json`, not `jsonb`: written in bulk every day and read back whole, never
-- queried inside, and `json` is written about three times faster (no conversion to jsonb).
-- Values and scores carry no foreign keys (100,000 rows a day: the checks cost more than the
-- writes): the run's writer replaces a date's rows itself, and communities are never deleted.
CREATE TABLE resilience_values (
  date date NOT NULL,
  community_id uuid NOT NULL,
  key text NOT NULL,
  value double precision NOT NULL,
  normalised double precision,
  numerator double precision NOT NULL,
  denominator double precision NOT NULL,
  summary json NOT NULL,
  records json NOT NULL DEFAULT '[]',
  record_count integer NOT NULL CHECK (record_count >= 0),
  PRIMARY KEY (date, community_id, key)
);

-- A community's scores on a computed date: the three mechanisms (null: no indicator of it), the
-- index (their sum), the three traits, and its rank in the city (1 = highest index; ties share a
-- rank; null without an index). `indicators`: how many indicators it has a value for;
-- `residents`: people homed at or under it when computed.
CREATE TABLE resilience_scores (
  date date NOT NULL,
  community_id uuid NOT NULL,
  engineering double precision,
  institutional double precision,
  social double precision,
  index double precision,
  self_organisation double precision,
  redundancy double precision,
  adaptability double precision,
  rank integer CHECK (rank >= 1),
  indicators integer NOT NULL CHECK (indicators >= 0),
  residents integer NOT NULL CHECK (residents >= 0),
  PRIMARY KEY (date, community_id)
);
CREATE INDEX resilience_scores_community_idx ON resilience_scores (community_id, date);
