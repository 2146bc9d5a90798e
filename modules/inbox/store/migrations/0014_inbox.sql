-- The community inbox (shared/contracts/inbox.md): departments, the versioned responsibility list,
-- one-off admissions, departments' requests, and the items that gather their demands per community.

CREATE TABLE departments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_-]{0,31}$'),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  name_en text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT departments_code_key UNIQUE (code)
);

-- The department a department officer acts for (their place, on users, is the subtree).
CREATE TABLE department_officers (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  department_id uuid NOT NULL REFERENCES departments (id)
);

-- Each import or edit of the list publishes a whole new version; requests name the version that judged them.
CREATE TABLE duty_list_versions (
  version integer PRIMARY KEY CHECK (version > 0),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES users (id),
  note text
);

CREATE TABLE duty_items (
  version integer NOT NULL REFERENCES duty_list_versions (version),
  code text NOT NULL CHECK (length(btrim(code)) > 0),
  list text NOT NULL CHECK (list IN ('own', 'assist', 'negative', 'cert', 'cert_abolished')),
  title text NOT NULL,
  department text NOT NULL,
  legal_basis text NOT NULL,
  PRIMARY KEY (version, code)
);

CREATE TABLE admissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department text NOT NULL REFERENCES departments (code),
  duty text NOT NULL,
  reason text NOT NULL,
  approved_by uuid NOT NULL REFERENCES users (id),
  approved_at timestamptz NOT NULL,
  valid_until timestamptz NOT NULL,
  CONSTRAINT admissions_period CHECK (valid_until > approved_at)
);

CREATE TABLE work_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,
  department text NOT NULL REFERENCES departments (code),
  duty text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('task', 'form')),
  title text NOT NULL,
  targets text[] NOT NULL,
  due_at timestamptz NOT NULL,
  window_from date,
  window_to date,
  priority text NOT NULL CHECK (priority IN ('normal', 'urgent')),
  resources text,
  admission_id uuid REFERENCES admissions (id),
  fields jsonb NOT NULL DEFAULT '[]',
  duty_version integer,
  status text NOT NULL CHECK (status IN ('accepted', 'refused')),
  refusal_code text,
  refusal_reason text,
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz NOT NULL,
  CONSTRAINT work_requests_window CHECK ((window_from IS NULL) = (window_to IS NULL) AND window_from <= window_to)
);
CREATE INDEX work_requests_department_idx ON work_requests (department, seq DESC);

-- An item: demands on one community with the same duty and kind and overlapping windows. Its due
-- date, priority, departments and window (the hull of its demands') are kept for listing.
CREATE TABLE work_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  place_id uuid NOT NULL REFERENCES places (id),
  duty text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('task', 'form')),
  title text NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'in_progress', 'done')),
  due_at timestamptz NOT NULL,
  priority text NOT NULL CHECK (priority IN ('normal', 'urgent')),
  departments text[] NOT NULL,
  window_from date NOT NULL,
  window_to date NOT NULL,
  conflicts boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  finished_at timestamptz,
  finished_by uuid REFERENCES users (id)
);
CREATE INDEX work_items_place_open_idx ON work_items (place_id, due_at) WHERE state <> 'done';
CREATE INDEX work_items_place_idx ON work_items (place_id, created_at);

CREATE TABLE work_demands (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,
  request_id uuid NOT NULL REFERENCES work_requests (id),
  item_id uuid NOT NULL REFERENCES work_items (id),
  place_id uuid NOT NULL REFERENCES places (id),
  arrived_on date NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),
  answers jsonb NOT NULL DEFAULT '{}',
  done_at timestamptz,
  CONSTRAINT work_demands_request_place_key UNIQUE (request_id, place_id)
);
CREATE INDEX work_demands_item_idx ON work_demands (item_id);
CREATE INDEX work_demands_place_idx ON work_demands (place_id, arrived_on);

-- Values a community gave, once per (community, key, window): what later items are pre-filled from.
CREATE TABLE field_values (
  id bigserial PRIMARY KEY,
  place_id uuid NOT NULL REFERENCES places (id),
  item_id uuid NOT NULL REFERENCES work_items (id),
  key text NOT NULL,
  type text NOT NULL,
  window_from date NOT NULL,
  window_to date NOT NULL,
  value jsonb NOT NULL,
  prefilled boolean NOT NULL,
  source text,
  entered_by uuid REFERENCES users (id),
  entered_at timestamptz NOT NULL
);
CREATE INDEX field_values_place_key_idx ON field_values (place_id, key, entered_at DESC);
CREATE INDEX field_values_item_idx ON field_values (item_id);
