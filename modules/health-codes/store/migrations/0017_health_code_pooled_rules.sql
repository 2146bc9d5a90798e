-- Pooled screening's health-code rules (shared/contracts/screening.md): a change of code may name
-- the two rule ids appended to the domain's RULE_IDS, pooled_positive (a positive pooled tube
-- turns a green yellow) and retest_negative_green (the single-tube re-test was negative).
ALTER TABLE health_code_transitions DROP CONSTRAINT health_code_transitions_rule_check;
ALTER TABLE health_code_transitions ADD CONSTRAINT health_code_transitions_rule_check CHECK (rule IN (
  'companion_yellow', 'confirmed_red', 'close_contact_red', 'two_negatives_green',
  'isolation_complete_green', 'discharge_monitoring_green', 'positive_red', 'override',
  'pooled_positive', 'retest_negative_green'
));
