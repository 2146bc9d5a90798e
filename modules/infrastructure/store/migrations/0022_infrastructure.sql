-- Critical infrastructure: the service graph and its N-1 analysis (shared/contracts/infrastructure.md).
--
-- An asset (waterworks, substation, telecom switch, …) has an id chosen by whoever keeps the
-- network (the id files and sensor topics name it by), a kind (water, power, gas, telecom, heat or
-- any other word), a type (source, node, sink) and a name. It stands at a place: the finest place
-- it stands in; a sink's place defaults to the community it serves. `operator_place_id` is the
-- place whose inbox gets its alarms: the service defaults it to its place's district (the city for
-- an asset placed at the city). A sink names the community it serves and the people it serves
-- there (`population`, 0 allowed); the others serve no community and count no people.
--
-- Links are directed `from → to`: `feeds` between assets of one kind (service flows along it), or
-- `needs` (`to` needs the service of `from` to work, across kinds). Deleting an asset deletes its
-- links and its N-1 rows.
--
-- The N-1 analysis is recomputed and stored after every change of the network, in the change's
-- own transaction: `infra_n1_runs` keeps one row per computation, `infra_n1_losses` only the
-- latest computation's rows (every community that loses a service when one asset fails alone).

CREATE TABLE infra_assets (
  id text COLLATE "C" PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64 AND id = btrim(id)),
  kind text COLLATE "C" NOT NULL CHECK (length(kind) BETWEEN 1 AND 32 AND kind = btrim(kind)),
  type text NOT NULL CHECK (type IN ('source', 'node', 'sink')),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  place_id uuid NOT NULL REFERENCES places (id),
  operator_place_id uuid NOT NULL REFERENCES places (id),
  community_id uuid REFERENCES places (id),
  population integer NOT NULL DEFAULT 0 CHECK (population >= 0),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT infra_assets_location_pair CHECK ((lon IS NULL) = (lat IS NULL)),
  -- Every sink serves a community; nothing else serves one or counts people.
  CONSTRAINT infra_assets_sink_community CHECK ((type = 'sink') = (community_id IS NOT NULL)),
  CONSTRAINT infra_assets_sink_population CHECK (type = 'sink' OR population = 0)
);
CREATE INDEX infra_assets_kind_idx ON infra_assets (kind, id);
CREATE INDEX infra_assets_place_idx ON infra_assets (place_id);
CREATE INDEX infra_assets_operator_idx ON infra_assets (operator_place_id);
CREATE INDEX infra_assets_community_idx ON infra_assets (community_id) WHERE community_id IS NOT NULL;

CREATE TABLE infra_links (
  from_id text COLLATE "C" NOT NULL REFERENCES infra_assets (id) ON DELETE CASCADE,
  to_id text COLLATE "C" NOT NULL REFERENCES infra_assets (id) ON DELETE CASCADE,
  relation text NOT NULL CHECK (relation IN ('feeds', 'needs')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (from_id, to_id, relation)
);
-- An asset's links in (the primary key answers its links out).
CREATE INDEX infra_links_to_idx ON infra_links (to_id);

-- One row per computation of the N-1 analysis: when, over how many assets and links, how many
-- loss rows it found, and how long it took (milliseconds).
CREATE TABLE infra_n1_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  computed_at timestamptz NOT NULL,
  assets integer NOT NULL CHECK (assets >= 0),
  links integer NOT NULL CHECK (links >= 0),
  rows integer NOT NULL CHECK (rows >= 0),
  ms double precision NOT NULL CHECK (ms >= 0)
);

-- The latest computation's rows: failing `asset_id` alone, `community_id` loses its `kind` of
-- service, and `population_lost` people there with it.
CREATE TABLE infra_n1_losses (
  run_id bigint NOT NULL REFERENCES infra_n1_runs (id) ON DELETE CASCADE,
  asset_id text COLLATE "C" NOT NULL REFERENCES infra_assets (id) ON DELETE CASCADE,
  kind text COLLATE "C" NOT NULL,
  community_id uuid NOT NULL REFERENCES places (id),
  population_lost integer NOT NULL CHECK (population_lost >= 0),
  PRIMARY KEY (asset_id, kind, community_id)
);
-- The communities' side: which assets are their single points of failure.
CREATE INDEX infra_n1_losses_community_idx ON infra_n1_losses (community_id);
