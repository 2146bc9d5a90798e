-- Volunteers (志愿者, and officials posted down to communities): they see and answer their own offers.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (
  'city_admin', 'district_officer', 'street_officer', 'community_worker', 'health_officer', 'lab_user',
  'auditor', 'resident', 'department_officer', 'infra_operator', 'volunteer'
));
