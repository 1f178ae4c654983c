-- Capacity pools and the ledger of what is reserved from them, when.
--
-- A reservation is a row with a half-open time range. Overbooking is prevented by serialising every
-- change of one pool's ledger on that pool's row (SELECT ... FOR UPDATE) and then summing, in SQL, the
-- reservations that overlap the new one (see booking.CapacityLedger for why this and not buckets).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE capacity_pools (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL,
    vcpus         integer     NOT NULL,
    memory_mib    bigint      NOT NULL,
    -- router VMs (lab nodes) running at once
    nodes         integer     NOT NULL,
    -- labels a pool's VMs will be scheduled with; stored now, applied by the cluster module later
    node_selector jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT capacity_pools_name_unique UNIQUE (name),
    CONSTRAINT capacity_pools_name_format CHECK (name ~ '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$'),
    CONSTRAINT capacity_pools_positive CHECK (vcpus > 0 AND memory_mib > 0 AND nodes > 0)
);

CREATE TABLE capacity_reservations (
    id         uuid        PRIMARY KEY,
    pool_id    uuid        NOT NULL REFERENCES capacity_pools (id),
    during     tstzrange   NOT NULL,
    vcpus      integer     NOT NULL,
    memory_mib bigint      NOT NULL,
    nodes      integer     NOT NULL,
    -- what holds it, for people reading the ledger: 'booking:<id>'
    purpose    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- [start, end): a reservation ending at 10:00 and one starting at 10:00 do not overlap
    CONSTRAINT capacity_reservations_bounded CHECK (NOT isempty(during) AND lower_inc(during)
        AND NOT upper_inc(during) AND NOT lower_inf(during) AND NOT upper_inf(during)),
    CONSTRAINT capacity_reservations_demand CHECK (vcpus >= 0 AND memory_mib >= 0 AND nodes >= 0)
);
CREATE INDEX capacity_reservations_pool_during ON capacity_reservations USING gist (pool_id, during);
