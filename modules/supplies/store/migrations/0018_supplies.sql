-- Emergency supplies (shared/contracts/preparedness.md, "Supplies").
--
-- The city's catalogue of items; stores at any place of the hierarchy; stock held in lots (one per
-- store, item and expiry: receipts of the same expiry add to one lot); every change a movement by
-- a user, journalled per lot in supply_movement_lines, so a lot's quantity is always the sum of its
-- lines. Stock never goes below zero: the service refuses such a movement whole, and the CHECK on
-- supply_lots.quantity stops anything that slipped past it. Requirements come from norms per
-- resident, each set by a source (an emergency plan's published version, an activated incident, the
-- demo) and covering places; a source's norms are replaced whole when it sets them again.

CREATE TABLE supply_items (
  code text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  unit text NOT NULL CHECK (length(btrim(unit)) BETWEEN 1 AND 32),
  -- Days from receipt to expiry (a receipt without an expiry gets this); null: it does not expire.
  shelf_life_days integer CHECK (shelf_life_days BETWEEN 1 AND 36500),
  -- The least every store should hold of it; null: no minimum.
  min_per_store bigint CHECK (min_per_store >= 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE supply_stores (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  place_id uuid NOT NULL REFERENCES places (id),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  CONSTRAINT supply_stores_name_key UNIQUE (place_id, name)
);

CREATE TABLE supply_lots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES supply_stores (id),
  item_code text COLLATE "C" NOT NULL REFERENCES supply_items (code),
  -- Expired from this instant on; null: it does not expire.
  expires_at timestamptz,
  quantity bigint NOT NULL CHECK (quantity >= 0),
  received_at timestamptz NOT NULL
);
-- One lot per store, item and expiry (a lot that never expires keyed as 'infinity').
CREATE UNIQUE INDEX supply_lots_key ON supply_lots (store_id, item_code, coalesce(expires_at, 'infinity'::timestamptz));
-- Lots about to expire across the city (the expiry alerts).
CREATE INDEX supply_lots_expiry_idx ON supply_lots (expires_at) WHERE quantity > 0 AND expires_at IS NOT NULL;

CREATE TABLE supply_movements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,
  kind text NOT NULL CHECK (kind IN ('receive', 'issue', 'transfer', 'adjust', 'expire')),
  item_code text COLLATE "C" NOT NULL REFERENCES supply_items (code),
  -- The store it changes (a transfer: the one it leaves).
  store_id uuid NOT NULL REFERENCES supply_stores (id),
  -- A transfer's destination.
  to_store_id uuid REFERENCES supply_stores (id),
  -- How much; an adjustment's is signed (more or less than the books said).
  quantity bigint NOT NULL CHECK (quantity <> 0 AND (kind = 'adjust' OR quantity > 0)),
  -- An adjustment's reason (required); what an issue or receipt was for, when said.
  reason text CHECK (length(reason) <= 1000),
  actor uuid NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL,
  CONSTRAINT supply_movements_transfer CHECK ((kind = 'transfer') = (to_store_id IS NOT NULL) AND to_store_id IS DISTINCT FROM store_id),
  CONSTRAINT supply_movements_reason CHECK (kind <> 'adjust' OR length(btrim(reason)) > 0)
);
CREATE INDEX supply_movements_store_idx ON supply_movements (store_id, seq);
CREATE INDEX supply_movements_to_store_idx ON supply_movements (to_store_id, seq) WHERE to_store_id IS NOT NULL;

-- What a movement did to each lot: a transfer takes from the source's lots and adds to the destination's.
CREATE TABLE supply_movement_lines (
  movement_id uuid NOT NULL REFERENCES supply_movements (id),
  lot_id uuid NOT NULL REFERENCES supply_lots (id),
  delta bigint NOT NULL CHECK (delta <> 0),
  PRIMARY KEY (movement_id, lot_id)
);
CREATE INDEX supply_movement_lines_lot_idx ON supply_movement_lines (lot_id);

-- Norms per resident, set by a source ('plan:<id>', 'incident:<id>', 'demo:flood') and replaced whole.
CREATE TABLE supply_norms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source text NOT NULL CHECK (length(btrim(source)) BETWEEN 1 AND 200),
  item_code text COLLATE "C" NOT NULL REFERENCES supply_items (code),
  per_resident numeric(14, 4) NOT NULL CHECK (per_resident > 0),
  set_at timestamptz NOT NULL
);
CREATE INDEX supply_norms_source_idx ON supply_norms (source);

-- The places a norm covers: the communities at or under them.
CREATE TABLE supply_norm_places (
  norm_id uuid NOT NULL REFERENCES supply_norms (id) ON DELETE CASCADE,
  place_id uuid NOT NULL REFERENCES places (id),
  PRIMARY KEY (norm_id, place_id)
);
