package dev.labforge.cluster.events;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persisted event log of each lab. Ids come from one sequence, so on their own they would be in the order events
 * were inserted, not committed: a reader resuming after id 101 would never see a 100 that committed after it. So a
 * transaction that appends to a lab's log holds the lab's event lock (a PostgreSQL advisory lock, released at its
 * commit) from before it draws an id: within one lab, ids are then in commit order, and a stream that resumes after
 * the last id it sent misses nothing.
 *
 * <p>Every writer of a lab's log takes that lock before it writes any of the lab's rows ({@link #lock}), so that
 * writers wait for each other in one order (event lock, then rows) and never deadlock; {@link #append} takes it too
 * for a writer that did not.
 */
@Component
public class LabEvents {

    /** The advisory lock class of event logs: the two-int key space, apart from the quota's one-bigint locks. */
    public static final int LOCK_CLASS = 0x4C616245; // "LabE"

    private final LabEventRepository repository;
    private final JdbcClient jdbc;

    LabEvents(LabEventRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** The lab's key within {@link #LOCK_CLASS}; two labs may share one, which only makes them wait for each other. */
    public static int lockKey(UUID labId) {
        return labId.hashCode();
    }

    /** Takes the lab's event lock until the caller's transaction ends (again if it holds it: that is free). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(UUID labId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS, lockKey(labId)).query((rs, n) -> n).list();
    }

    /** Appends in the caller's transaction, or in one of its own. */
    @Transactional
    public void append(UUID labId, String kind, String node, String message) {
        lock(labId);
        repository.save(new LabEvent(labId, kind, node, message));
    }

    public List<LabEvent> after(UUID labId, long afterId, int limit) {
        return repository.findByLabIdAndIdGreaterThanOrderById(labId, afterId, Limit.of(limit));
    }
}
