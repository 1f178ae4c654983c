package dev.labforge.cluster.reconcile;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Labs whose desired state changed recently, whichever replica took the request: the lease holder
 * polls this so a start asked of another replica is acted on within a second, not at the next resync.
 * Only what was asked counts (a run wish, a restart, a definition edit): status the reconciler records is not a
 * change to act on.
 */
@Component
class ChangeFeed {

    private final JdbcClient jdbc;
    private Timestamp since;

    ChangeFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Labs changed since the last call (with a second of overlap, so nothing falls between two polls). */
    synchronized List<UUID> poll() {
        Timestamp now = jdbc.sql("select now() - interval '1 second'").query(Timestamp.class).single();
        if (since == null) {
            since = now;
            return List.of();
        }
        List<UUID> changed = jdbc.sql("""
                select lab_id from lab_runtime where desired_at > ?
                union select lab_id from node_runtime where desired_at > ?
                union select r.lab_id from labs l join lab_runtime r on r.lab_id = l.id where l.updated_at > ?""")
                .params(since, since, since).query(UUID.class).list();
        since = now;
        return changed;
    }
}
