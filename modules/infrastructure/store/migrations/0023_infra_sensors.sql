-- Sensors, their rules, their readings and the alarms they raise (shared/contracts/infrastructure.md,
-- "Alarms on sensor readings").
--
-- A sensor belongs to an asset and measures one quantity in one unit; its id is the last level of
-- its MQTT topic `renxing/<city>/<asset>/<sensor>` (and a Sparkplug B metric's name), so it holds
-- no `/`, `+` or `#`. `last_ts`/`last_value` are its newest reading by the reading's own time;
-- `last_arrival` is when a reading last arrived on the server's clock, which is what the offline
-- timeout counts from (from `created_at` before the first reading). Deleting an asset deletes its
-- sensors, and with them their rules, readings and alarms.

CREATE TABLE infra_sensors (
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$'),
  asset_id text COLLATE "C" NOT NULL REFERENCES infra_assets (id) ON DELETE CASCADE,
  quantity text NOT NULL CHECK (length(btrim(quantity)) BETWEEN 1 AND 64),
  unit text NOT NULL CHECK (length(unit) <= 32),
  timeout_s integer NOT NULL CHECK (timeout_s BETWEEN 1 AND 31536000),
  -- How its rules combine with the rules of the asset's other sensors that say the same: null, each
  -- rule alarms on its own; `any` or `all`, the asset's group of that op alarms once (see below).
  combine text CHECK (combine IN ('any', 'all')),
  last_ts timestamptz,
  last_value double precision,
  last_arrival timestamptz,
  offline boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT infra_sensors_last_pair CHECK ((last_ts IS NULL) = (last_value IS NULL))
);
CREATE INDEX infra_sensors_asset_idx ON infra_sensors (asset_id, id);

-- A threshold rule (`above T` / `below T`, hysteresis ≥ 0, for ≥ 0 seconds) with its state: since
-- when the condition has held (epoch seconds of the reading that started it) and whether it is
-- raised. `position` keeps the order the sensor's definition gave.
CREATE TABLE infra_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sensor_id text COLLATE "C" NOT NULL REFERENCES infra_sensors (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  op text NOT NULL CHECK (op IN ('above', 'below')),
  threshold double precision NOT NULL,
  hysteresis double precision NOT NULL CHECK (hysteresis >= 0),
  for_s integer NOT NULL CHECK (for_s >= 0),
  since double precision,
  raised boolean NOT NULL DEFAULT false,
  UNIQUE (sensor_id, position)
);

-- The asset's combined alarms: the rules of its sensors whose `combine` is `any` raise one alarm
-- while any of them is raised; those whose `combine` is `all`, one while all of them are. `raised`
-- is the combination after the last reading that changed a member.
CREATE TABLE infra_rule_groups (
  asset_id text COLLATE "C" NOT NULL REFERENCES infra_assets (id) ON DELETE CASCADE,
  op text NOT NULL CHECK (op IN ('any', 'all')),
  raised boolean NOT NULL DEFAULT false,
  PRIMARY KEY (asset_id, op)
);

-- Every reading, kept as it came (also one older than the sensor's newest, which drives no alarm):
-- the reading's own time, its value, and when it arrived. Written in batches of many rows per
-- statement; read by sensor and time (charts, the newest reading).
CREATE TABLE infra_readings (
  sensor_id text COLLATE "C" NOT NULL REFERENCES infra_sensors (id) ON DELETE CASCADE,
  ts timestamptz NOT NULL,
  value double precision NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX infra_readings_sensor_ts_idx ON infra_readings (sensor_id, ts);

-- An alarm record: opened by a raise, closed by the clear that follows (a raise after a clear opens
-- a new record). `kind` rule: a sensor's rule (rule_id; the rule as it was, in `rule`); group: the
-- asset's `any`/`all` combination (group_op); offline: a sensor silent for its timeout. `raised_at`
-- is when it raised: the raising reading's time, or last arrival + timeout for offline; the
-- reading that raised it is (raised_reading_ts, raised_value). `recorded_at` is the server's clock
-- when it was written. `places` are the inboxes that got a work item for it (the asset's operator,
-- the communities the N-1 analysis says lose a service when the asset fails).
CREATE TABLE infra_alarms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  asset_id text COLLATE "C" NOT NULL REFERENCES infra_assets (id) ON DELETE CASCADE,
  sensor_id text COLLATE "C" REFERENCES infra_sensors (id) ON DELETE CASCADE,
  rule_id uuid REFERENCES infra_rules (id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('rule', 'group', 'offline')),
  group_op text CHECK (group_op IN ('any', 'all')),
  rule jsonb,
  raised_at timestamptz NOT NULL,
  raised_value double precision,
  raised_reading_ts timestamptz,
  recorded_at timestamptz NOT NULL,
  cleared_at timestamptz,
  cleared_value double precision,
  cleared_reading_ts timestamptz,
  cleared_reason text CHECK (cleared_reason IN ('reading', 'redefined')),
  acknowledged_by uuid REFERENCES users (id),
  acknowledged_at timestamptz,
  places uuid[] NOT NULL DEFAULT '{}',
  CONSTRAINT infra_alarms_kind_shape CHECK (
    (kind = 'rule' AND sensor_id IS NOT NULL AND group_op IS NULL)
    OR (kind = 'group' AND sensor_id IS NULL AND rule_id IS NULL AND group_op IS NOT NULL)
    OR (kind = 'offline' AND sensor_id IS NOT NULL AND rule_id IS NULL AND group_op IS NULL)
  ),
  CONSTRAINT infra_alarms_cleared CHECK ((cleared_at IS NULL) = (cleared_reason IS NULL)),
  CONSTRAINT infra_alarms_acknowledged CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL))
);
-- A raised alarm is never raised twice: one open record per rule, per group, per silent sensor.
CREATE UNIQUE INDEX infra_alarms_open_rule_key ON infra_alarms (rule_id)
  WHERE cleared_at IS NULL AND kind = 'rule' AND rule_id IS NOT NULL;
CREATE UNIQUE INDEX infra_alarms_open_group_key ON infra_alarms (asset_id, group_op)
  WHERE cleared_at IS NULL AND kind = 'group';
CREATE UNIQUE INDEX infra_alarms_open_offline_key ON infra_alarms (sensor_id)
  WHERE cleared_at IS NULL AND kind = 'offline';
CREATE INDEX infra_alarms_asset_idx ON infra_alarms (asset_id, raised_at DESC);
CREATE INDEX infra_alarms_open_idx ON infra_alarms (raised_at DESC) WHERE cleared_at IS NULL;
