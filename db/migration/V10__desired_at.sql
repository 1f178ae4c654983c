-- When what users asked of a lab or a node last changed (start, stop, restart, destroy), kept apart from updated_at,
-- which every recorded status moves too: the change feed wakes the reconciler on what was asked, not on each status
-- the status follower records (in a classroom's storm that was a pass per booting lab per second).
ALTER TABLE lab_runtime ADD COLUMN desired_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE node_runtime ADD COLUMN desired_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX lab_runtime_desired_at ON lab_runtime (desired_at);
CREATE INDEX node_runtime_desired_at ON node_runtime (desired_at);
CREATE INDEX labs_updated_at ON labs (updated_at);
