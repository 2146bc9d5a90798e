-- The audit log: append-only and hash-chained.
--
-- Rows can only be inserted: UPDATE, DELETE and TRUNCATE are refused by triggers (a database
-- superuser can still drop them, which is why the rows are also chained). On insert the trigger
-- serialises writers, numbers the row, stamps the time and sets
--   prev_hash = hash of the previous row ('' for the first), hash = audit_log_hash(row),
-- so a removed, reordered or edited row breaks the chain that `verifyAuditChain` walks.

CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor text NOT NULL CHECK (length(actor) > 0),
  action text NOT NULL CHECK (length(action) > 0),
  subject_type text,
  subject_id text,
  reason text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);

-- The hash of a row: sha256 over an unambiguous JSON array of its fields, time in UTC to the
-- microsecond, so the same row hashes the same on every engine and in every session time zone.
CREATE FUNCTION audit_log_hash(
  seq bigint, at timestamptz, actor text, action text, subject_type text, subject_id text,
  reason text, detail jsonb, prev_hash text
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    actor, action, subject_type, subject_id, reason, detail, prev_hash
  )::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One writer at a time until commit, so the chain has no forks; the number and the time are
  -- taken after the lock, so seq order, time order and chain order agree.
  -- Under REPEATABLE READ or SERIALIZABLE the snapshot could miss the row just committed by the
  -- previous writer and fork the chain: audit writes must be READ COMMITTED (the default).
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit_log: insert under % isolation would fork the hash chain; use read committed',
      current_setting('transaction_isolation') USING ERRCODE = 'invalid_transaction_state';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('renxing.audit_log.' || TG_TABLE_SCHEMA));
  NEW.seq := nextval(pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'seq'));
  NEW.at := clock_timestamp();
  EXECUTE format('SELECT hash FROM %I.%I ORDER BY seq DESC LIMIT 1', TG_TABLE_SCHEMA, TG_TABLE_NAME)
    INTO NEW.prev_hash;
  NEW.prev_hash := coalesce(NEW.prev_hash, '');
  NEW.hash := audit_log_hash(NEW.seq, NEW.at, NEW.actor, NEW.action, NEW.subject_type,
    NEW.subject_id, NEW.reason, NEW.detail, NEW.prev_hash);
  RETURN NEW;
END
$$;

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
