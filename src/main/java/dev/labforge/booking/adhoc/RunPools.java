package dev.labforge.booking.adhoc;

import dev.labforge.booking.capacity.CapacityPool;
import dev.labforge.booking.capacity.CapacityPools;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which pool a lab's runs take capacity from, and so whose node selector its VMs get: a student's lab
 * in a course uses the course's pool; any other lab the pool named by {@code labforge.booking.ad-hoc.pool}
 * ({@code default} unless configured). When that pool does not exist (a deployment without pools), other
 * labs use none: their runs are limited by their owner's quota only, as before pools existed.
 *
 * <p>Why a named pool and not a match on node selectors: a lab's images say nothing about where it
 * should run, and an admin naming one pool for ad-hoc labs is explicit; pools with node selectors then
 * keep classes and ad-hoc labs on the nodes each is given.
 */
@Component
class RunPools {

    private final JdbcClient jdbc;
    private final CapacityPools pools;
    private final AdHocRunProperties properties;

    RunPools(JdbcClient jdbc, CapacityPools pools, AdHocRunProperties properties) {
        this.jdbc = jdbc;
        this.pools = pools;
        this.properties = properties;
    }

    /** The lab's pool as committed now: where its VMs are placed. */
    Optional<CapacityPool> of(UUID labId) {
        return pool(jdbc.sql("""
                        select c.pool_id from course_members m join courses c on c.id = m.course_id
                        where m.lab_id = ? limit 1""")
                .param(labId).query(UUID.class).optional());
    }

    /**
     * The lab's pool for a run about to reserve in it, with the course's row locked, shared, until the start
     * commits: a change of the course's pool locks that row first of all ({@link CourseChanges}), so it either
     * commits before (and this reads the new pool: under READ COMMITTED the locked row is read again as committed)
     * or waits for the start and then sees its run. A start holds its lab's row, its owner's and its event lock by
     * then; nothing holding a course's row lock waits for those of a lab that exists already, so no circle.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<CapacityPool> forStart(UUID labId) {
        return pool(jdbc.sql("""
                        select c.pool_id from course_members m join courses c on c.id = m.course_id
                        where m.lab_id = ? limit 1 for share of c""")
                .param(labId).query(UUID.class).optional());
    }

    private Optional<CapacityPool> pool(Optional<UUID> course) {
        return course.isPresent() ? pools.byId(course.get()) : pools.byName(properties.pool());
    }
}
