package dev.labforge.booking.adhoc;

import dev.labforge.api.Conflict;
import dev.labforge.booking.capacity.CapacityPool;
import dev.labforge.booking.capacity.CapacityPools;
import dev.labforge.booking.timetable.BriefRetry;
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
     * Takes the row of the lab's course (if it is a student's lab of one), shared, until the start commits: called
     * before the start takes any of the lab's locks ({@link dev.labforge.lab.LabRunGuard#lockBeforeStart}). Whoever
     * changes a course locks its row first of all and may then take a lab's locks (a roster change seating a student
     * in a class under way writes to their lab's event log, {@code LateSeats}); a start that took the lab's locks
     * first and then waited for the course's row closed a circle with it (PostgreSQL's 40P01). Shared: starts of one
     * course's labs do not wait for each other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockCourseOf(UUID labId) {
        jdbc.sql("""
                        select c.id from course_members m join courses c on c.id = m.course_id
                        where m.lab_id = ? limit 1 for share of c""")
                .param(labId).query(UUID.class).optional();
    }

    /**
     * The lab's pool for a run about to reserve in it, read under the course's row lock ({@link #lockCourseOf}): a
     * change of the course's pool locks that row first of all ({@code CourseChanges}), so it either commits before
     * (and this reads the new pool) or waits for the start and then sees its run.
     *
     * <p>By now the start holds its lab's locks, so this never waits for the course's row: the start took it before
     * them, unless a booking held the lab then and no longer does (it ended or was cancelled meanwhile). Then the row
     * is tried for a moment ({@link BriefRetry}), and a course still being changed refuses the start with a 409 to
     * send again rather than a wait that could close a circle.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<CapacityPool> forStart(UUID labId) {
        Optional<UUID> course = jdbc.sql("select course_id from course_members where lab_id = ? limit 1")
                .param(labId).query(UUID.class).optional();
        if (course.isEmpty()) {
            return pools.byName(properties.pool());
        }
        UUID pool = BriefRetry.lock(() -> jdbc.sql("select pool_id from courses where id = ? for share skip locked")
                        .param(course.get()).query(UUID.class).optional())
                .orElseThrow(() -> new Conflict("the course of lab " + labId + " is being changed right now; start"
                        + " the lab again in a moment"));
        return pools.byId(pool);
    }

    private Optional<CapacityPool> pool(Optional<UUID> course) {
        return course.isPresent() ? pools.byId(course.get()) : pools.byName(properties.pool());
    }
}
