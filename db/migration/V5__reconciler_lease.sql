-- Which replica of the service runs the reconciler. Several replicas serve the API; only the holder
-- of an unexpired lease writes to the cluster, so two never fight over the same objects.
CREATE TABLE reconciler_lease (
    name       text        PRIMARY KEY,
    holder     text        NOT NULL,
    expires_at timestamptz NOT NULL
);
