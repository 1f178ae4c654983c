-- Lab definitions. The topology is one JSON document: it is always read and written whole, and
-- the reconciler will keep observed state in its own tables rather than in here.
CREATE TABLE labs (
    id          uuid        PRIMARY KEY,
    owner_id    uuid        NOT NULL REFERENCES users (id),
    name        text        NOT NULL,
    description text,
    topology    jsonb       NOT NULL,
    node_count  integer     NOT NULL,
    link_count  integer     NOT NULL,
    version     bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    -- containerlab users address labs by name, so a name means one lab per owner
    CONSTRAINT labs_owner_name_unique UNIQUE (owner_id, name)
);
CREATE INDEX labs_owner_created ON labs (owner_id, created_at DESC, id);
