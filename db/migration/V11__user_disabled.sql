-- When an administrator cut the user off; NULL while the user may act. Every request reads it together with
-- the credential, so disabling takes effect at once on every replica. A disabled user keeps their labs.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
