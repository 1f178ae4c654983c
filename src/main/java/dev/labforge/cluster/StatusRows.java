package dev.labforge.cluster;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status columns of many labs at once, in plain SQL: {@link StatusFollower} reads and writes a batch of labs per
 * transaction, where a reconcile pass reads and writes one lab through the ORM. The messages of the events it
 * appends are {@link StatusRecorder}'s, so a state reads the same whichever path recorded it.
 */
@Component
class StatusRows implements StatusFollower.Rows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** A node's row: its run wish and what was last recorded. */
    record Node(boolean running, NodeObservation recorded) {
    }

    /** A lab's row and its nodes' rows by node name. */
    record Lab(UUID id, DesiredRun desired, LabState state, int ready, int total, List<String> reasons,
               Map<String, Node> nodes) {

        boolean shows(StatusAggregation.Result result) {
            return state == result.state() && ready == result.ready() && total == result.total()
                    && reasons.equals(result.reasons());
        }
    }

    /** What changed in one lab: its new aggregate (null when unchanged) and its nodes' new observations. */
    record Change(Lab before, StatusAggregation.Result lab, Map<String, NodeObservation> nodes) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;

    StatusRows(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
    }

    /** The rows of the labs that have a runtime; one query for all of them. */
    @Override
    public Map<UUID, Lab> load(Collection<UUID> labs) {
        Map<UUID, Lab> found = new HashMap<>();
        jdbc.sql("""
                select r.lab_id, r.desired, r.state, r.ready_nodes, r.total_nodes, r.reasons::text,
                       n.node, n.running, n.state, n.reason, n.message
                from lab_runtime r left join node_runtime n on n.lab_id = r.lab_id
                where r.lab_id = any (?)""")
                .param(labs.toArray(UUID[]::new))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Lab lab = found.get(id);
                    if (lab == null) {
                        lab = new Lab(id, DesiredRun.valueOf(rs.getString(2)), LabState.valueOf(rs.getString(3)),
                                rs.getInt(4), rs.getInt(5), JSON.readValue(rs.getString(6), STRINGS),
                                new LinkedHashMap<>());
                        found.put(id, lab);
                    }
                    String node = rs.getString(7);
                    if (node != null) {
                        lab.nodes().put(node, new Node(rs.getBoolean(8), new NodeObservation(
                                NodeState.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11))));
                    }
                });
        return found;
    }

    /**
     * Writes every change in one transaction, with its events. Only status columns are written; the lab's version
     * goes up, so that an ORM write based on an earlier read of the row fails instead of undoing this one.
     */
    @Override
    public void write(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> nodes = new ArrayList<>();
        List<Object[]> labs = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        for (Change change : changes) {
            UUID id = change.before().id();
            change.nodes().forEach((node, o) -> {
                nodes.add(new Object[] {o.state().name(), o.reason(), o.message(), now, id, node});
                NodeState previous = change.before().nodes().get(node).recorded().state();
                if (previous != o.state()) {
                    events.add(new Object[] {id, "NodeStateChanged", node, StatusRecorder.nodeChange(previous, o)});
                }
            });
            StatusAggregation.Result lab = change.lab();
            if (lab != null) {
                labs.add(new Object[] {lab.state().name(), lab.ready(), lab.total(), JSON.writeValueAsString(
                        lab.reasons()), now, id});
                if (change.before().state() != lab.state()) {
                    events.add(new Object[] {id, "LabStateChanged", null,
                            StatusRecorder.labChange(change.before().state(), lab)});
                }
            }
        }
        transaction.executeWithoutResult(tx -> {
            // observed state, not anyone's request: its commit need not wait for the disk (see StatusRecorder)
            batch.execute("set local synchronous_commit to off");
            batch.batchUpdate("update node_runtime set state = ?, reason = ?, message = ?, updated_at = ?"
                    + " where lab_id = ? and node = ?", nodes);
            batch.batchUpdate("update lab_runtime set state = ?, ready_nodes = ?, total_nodes = ?, reasons = ?::jsonb,"
                    + " updated_at = ?, version = version + 1 where lab_id = ?", labs);
            // dated as late as the transaction allows: the commit follows at once
            batch.batchUpdate("insert into lab_events (lab_id, at, kind, node, message)"
                    + " values (?, clock_timestamp(), ?, ?, ?)", events);
        });
    }
}
