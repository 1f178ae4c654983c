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

-- Labs that already run when this migration applies: every node of theirs gets a row (a node
-- without one no longer runs) holding what its definition and image say.
INSERT INTO node_runtime (lab_id, node, running, state, updated_at)
SELECT r.lab_id, nd->>'name', true, 'PENDING', now()
FROM lab_runtime r
JOIN labs l ON l.id = r.lab_id
CROSS JOIN jsonb_array_elements(l.topology->'nodes') nd
WHERE r.desired = 'RUNNING'
ON CONFLICT (lab_id, node) DO NOTHING;

UPDATE node_runtime n
SET vcpus = coalesce((nd->>'cpu')::int, i.default_cpu),
    memory_mib = coalesce((nd->>'memoryMib')::bigint, i.default_memory_mib)
FROM labs l
CROSS JOIN jsonb_array_elements(l.topology->'nodes') nd
JOIN images i ON i.name = nd->>'image'
WHERE l.id = n.lab_id AND nd->>'name' = n.node;
