-- Capacity pools derived from the cluster's Nodes: their vCPUs, memory and router VMs follow the summed
-- status.allocatable of the Nodes their node selector matches (booking.DerivedCapacity), CPU times an
-- overcommit ratio. Such a pool may have nothing while no Node matches, so zero is allowed for them.
ALTER TABLE capacity_pools
    ADD COLUMN derived        boolean       NOT NULL DEFAULT false,
    ADD COLUMN cpu_overcommit numeric(5, 2) NOT NULL DEFAULT 1,
    ADD CONSTRAINT capacity_pools_overcommit CHECK (cpu_overcommit >= 1 AND cpu_overcommit <= 100),
    DROP CONSTRAINT capacity_pools_positive,
    ADD CONSTRAINT capacity_pools_positive CHECK ((vcpus > 0 AND memory_mib > 0 AND nodes > 0)
        OR (derived AND vcpus >= 0 AND memory_mib >= 0 AND nodes >= 0));
