-- What users asked the cluster to do with each lab (desired), and what the reconciler last saw
-- (observed). Rows exist only for labs that were ever started.
CREATE TABLE lab_runtime (
    lab_id        uuid        PRIMARY KEY REFERENCES labs (id) ON DELETE CASCADE,
    namespace     text        NOT NULL,
    desired       text        NOT NULL,
    state         text        NOT NULL,
    ready_nodes   integer     NOT NULL DEFAULT 0,
    total_nodes   integer     NOT NULL DEFAULT 0,
    reasons       jsonb       NOT NULL DEFAULT '[]',
    observed_spec bigint,
    updated_at    timestamptz NOT NULL,
    version       bigint      NOT NULL,
    CONSTRAINT lab_runtime_namespace_unique UNIQUE (namespace),
    CONSTRAINT lab_runtime_desired CHECK (desired IN ('RUNNING', 'STOPPED', 'DESTROYED'))
);

-- Per node: whether it should run (a node can be stopped inside a running lab) and what it is doing.
CREATE TABLE node_runtime (
    lab_id     uuid        NOT NULL REFERENCES lab_runtime (lab_id) ON DELETE CASCADE,
    node       text        NOT NULL,
    running    boolean     NOT NULL,
    state      text        NOT NULL,
    reason     text,
    message    text,
    restart_requested_at timestamptz,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (lab_id, node)
);

-- Host bridge names of the bridge link driver. Linux never deletes a CNI bridge, so a reused name
-- would silently join an old link to a new one: names come from a sequence and are never reused.
CREATE SEQUENCE bridge_name_seq;
CREATE TABLE link_bridges (
    lab_id   uuid NOT NULL REFERENCES lab_runtime (lab_id) ON DELETE CASCADE,
    nad_name text NOT NULL,
    bridge   text NOT NULL,
    PRIMARY KEY (lab_id, nad_name),
    CONSTRAINT link_bridges_bridge_unique UNIQUE (bridge),
    CONSTRAINT link_bridges_bridge_length CHECK (length(bridge) <= 15)
);

-- VLAN ids of the vlan link driver: unique per L2 domain (one trunk), enforced here.
CREATE TABLE link_vlans (
    domain   text    NOT NULL,
    vlan     integer NOT NULL,
    lab_id   uuid    NOT NULL REFERENCES lab_runtime (lab_id) ON DELETE CASCADE,
    nad_name text    NOT NULL,
    PRIMARY KEY (domain, vlan),
    CONSTRAINT link_vlans_link_unique UNIQUE (lab_id, nad_name),
    CONSTRAINT link_vlans_range CHECK (vlan BETWEEN 1 AND 4094)
);

-- The lab's event log: what was asked and what happened, served as JSON and as an SSE stream.
CREATE TABLE lab_events (
    id      bigserial   PRIMARY KEY,
    lab_id  uuid        NOT NULL,
    at      timestamptz NOT NULL,
    kind    text        NOT NULL,
    node    text,
    message text        NOT NULL
);
CREATE INDEX lab_events_lab ON lab_events (lab_id, id);
