-- Notifications (packages/notify): the in-app channel's rows, read by the resident's and the
-- volunteer's console, and the log of every outbound delivery (e-mail over SMTP: sent or failed).
--
-- A notification is for a user, a person, or both (a resident is a user linked to a person: they
-- read what was sent to either). `kind` names what told them (`participation.report_state`, …) and
-- `ref` what it is about (a report's id), so a screen can link back.

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  person_id uuid REFERENCES people (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind ~ '^[a-z0-9_-]+(\.[a-z0-9_-]+)*$'),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
  text text NOT NULL CHECK (length(text) <= 20000),
  ref text CHECK (length(ref) <= 200),
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  CONSTRAINT notifications_someone CHECK (user_id IS NOT NULL OR person_id IS NOT NULL)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC) WHERE user_id IS NOT NULL;
CREATE INDEX notifications_person_idx ON notifications (person_id, created_at DESC) WHERE person_id IS NOT NULL;

-- One row per outbound attempt on a channel other than in-app: what was sent, to whom, and how it went.
CREATE TABLE notification_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notification_id uuid REFERENCES notifications (id) ON DELETE SET NULL,
  channel text NOT NULL CHECK (channel IN ('email')),
  recipient text NOT NULL,
  kind text NOT NULL,
  subject text NOT NULL,
  ref text,
  status text NOT NULL CHECK (status IN ('sent', 'failed')),
  error text,
  message_id text,
  attempted_at timestamptz NOT NULL,
  CONSTRAINT notification_deliveries_error CHECK ((status = 'failed') = (error IS NOT NULL))
);
CREATE INDEX notification_deliveries_at_idx ON notification_deliveries (attempted_at DESC);
