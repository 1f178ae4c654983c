-- Limits per user or team. No row: the configured defaults apply. A NULL column: no limit.
-- Usage is never stored: it is computed from labs and their runtime under a per-owner advisory
-- lock, so it cannot drift and concurrent starts cannot overshoot.
CREATE TABLE quotas (
    owner_kind    text    NOT NULL,
    owner_id      uuid    NOT NULL,
    labs          integer,
    running_nodes integer,
    vcpus         integer,
    memory_mib    bigint,
    PRIMARY KEY (owner_kind, owner_id),
    CONSTRAINT quotas_owner_kind CHECK (owner_kind IN ('user', 'team')),
    CONSTRAINT quotas_not_negative CHECK (labs >= 0 AND running_nodes >= 0 AND vcpus >= 0 AND memory_mib >= 0)
);

-- What each node holds while it should run, resolved with the image's defaults when it was
-- committed: usage is a sum over these rows.
ALTER TABLE node_runtime ADD COLUMN vcpus integer NOT NULL DEFAULT 0;
ALTER TABLE node_runtime ADD COLUMN memory_mib bigint NOT NULL DEFAULT 0;
