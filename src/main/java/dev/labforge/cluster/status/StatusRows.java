package dev.labforge.cluster.status;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.labforge.cluster.events.LabEvents;
import dev.labforge.cluster.plan.DesiredRun;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
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
public class StatusRows implements StatusFollower.Rows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** A node's row: its run wish, what was last recorded, and whether a restart was asked for and not yet made. */
    public record Node(boolean running, NodeObservation recorded, boolean restartRequested) {
    }

    /**
     * A lab's row and its nodes' rows by node name.
     *
     * @param observedSpec the definition version its status was last recorded for; null before the first
     */
    public record Lab(UUID id, DesiredRun desired, LabState state, int ready, int total, List<String> reasons,
               Long observedSpec, Map<String, Node> nodes) {

        boolean shows(StatusAggregation.Result result, long specVersion) {
            return state == result.state() && ready == result.ready() && total == result.total()
                    && reasons.equals(result.reasons()) && Long.valueOf(specVersion).equals(observedSpec);
        }

        /** Whether the rows show all of an observation: the lab's aggregate and every node's state. */
        public boolean showsAll(StatusAggregation.Result result, List<StatusAggregation.NodeView> views, long specVersion) {
            return shows(result, specVersion) && views.stream().allMatch(view -> {
                Node node = nodes.get(view.name());
                return node != null && node.recorded().equals(view.observed());
            });
        }
    }

    /**
     * What changed in one lab: its new aggregate (null when unchanged) for the definition version {@code specVersion},
     * and its nodes' new observations (a node without a row gets one).
     */
    record Change(Lab before, StatusAggregation.Result lab, long specVersion, Map<String, NodeObservation> nodes) {
    }

    /** One per follower thread, and one to spare while a broken connection is replaced. */
    private static final int OWN_CONNECTIONS = StatusFollower.THREADS + 1;

    private final HikariDataSource ownPool;
    private final JdbcClient jdbc;
    /** The service's shared connections, for a pass reading one lab's rows. */
    private final JdbcClient shared;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;

    /**
     * The follower has connections of its own, to the database the service uses: API requests waiting for a lock
     * (a classroom's starts queue on their owner's quota lock) can hold every pooled connection for seconds, and
     * status must not wait behind them.
     */
    @Autowired
    StatusRows(DataSource shared) {
        this(shared instanceof HikariDataSource hikari ? ownPool(hikari) : shared,
                shared instanceof HikariDataSource, shared);
    }

    private StatusRows(DataSource dataSource, boolean owned, DataSource shared) {
        this.ownPool = owned ? (HikariDataSource) dataSource : null;
        this.jdbc = JdbcClient.create(dataSource);
        this.shared = JdbcClient.create(shared);
        this.batch = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** On {@code dataSource} itself: its transactions join one the calling thread has open on it (tests roll back). */
    static StatusRows sharing(DataSource dataSource) {
        return new StatusRows(dataSource, false, dataSource);
    }

    private static HikariDataSource ownPool(HikariDataSource shared) {
        HikariConfig config = new HikariConfig();
        shared.copyStateTo(config);
        config.setPoolName("labforge-status");
        config.setMaximumPoolSize(OWN_CONNECTIONS);
        config.setMinimumIdle(1);
        // every transaction on these connections records observed status: none need wait for the disk (see
        // StatusRecorder for why that is safe). Their statements look labs up by key; planned for the array at hand,
        // PostgreSQL found the batch read cheaper each time than a reusable plan and planned it on every call (2.4 s
        // of a storm's 5.7 s of database CPU, docs/benchmarks.md), so they keep one plan per connection (the
        // statements are written so that a plan for any number of labs looks them up by index)
        config.setConnectionInitSql("set synchronous_commit to off; set plan_cache_mode to force_generic_plan");
        return new HikariDataSource(config);
    }

    @PreDestroy
    void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /**
     * The runtime rows of labs, each lab's nodes looked up by the key's index whatever the plan guessed of the number
     * of labs: "offset 0" keeps the lateral subquery a per-lab lookup (joined flat, a plan made for no particular list
     * of labs scans and hashes every node row instead). Completed by the condition on {@code r.lab_id}.
     */
    private static final String READ = """
            select r.lab_id, r.desired, r.state, r.ready_nodes, r.total_nodes, r.reasons::text, r.observed_spec,
                   n.node, n.running, n.state, n.reason, n.message, n.restart_requested_at is not null
            from lab_runtime r left join lateral (
                select * from node_runtime n where n.lab_id = r.lab_id offset 0) n on true
            where\s""";
    private static final String READ_MANY = READ + "r.lab_id = any (?)";
    /**
     * By plain equality, not "= any" of a one-element array: on the shared connections PostgreSQL chooses how to plan,
     * and it plans this shape once per connection, the other on every call.
     */
    private static final String READ_ONE = READ + "r.lab_id = ?";

    /** The rows of the labs that have a runtime; one query for all of them. */
    @Override
    public Map<UUID, Lab> load(Collection<UUID> labs) {
        return load(jdbc, READ_MANY, labs.toArray(UUID[]::new));
    }

    /** One lab's rows, for a reconcile pass, on the service's shared connections; null when it has no runtime. */
    public Lab read(UUID lab) {
        return load(shared, READ_ONE, lab).get(lab);
    }

    private static Map<UUID, Lab> load(JdbcClient jdbc, String sql, Object labs) {
        Map<UUID, Lab> found = new HashMap<>();
        jdbc.sql(sql)
                .param(labs)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Lab lab = found.get(id);
                    if (lab == null) {
                        long spec = rs.getLong(7);
                        lab = new Lab(id, DesiredRun.valueOf(rs.getString(2)), LabState.valueOf(rs.getString(3)),
                                rs.getInt(4), rs.getInt(5), JSON.readValue(rs.getString(6), STRINGS),
                                rs.wasNull() ? null : spec, new LinkedHashMap<>());
                        found.put(id, lab);
                    }
                    String node = rs.getString(8);
                    if (node != null) {
                        lab.nodes().put(node, new Node(rs.getBoolean(9), new NodeObservation(
                                NodeState.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12)),
                                rs.getBoolean(13)));
                    }
                });
        return found;
    }

    /**
     * Writes every change, with its events, in one statement, after taking the labs' event locks, in one transaction.
     * On a saturated machine any round trip may wait long for the database to get the CPU, so a batch makes as few as
     * it can. Only status columns are written; the lab's version goes up, so that an ORM write
     * based on an earlier read of the row fails instead of undoing this one.
     */
    @Override
    public void write(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Columns nodes = new Columns(5);
        Columns labs = new Columns(6);
        Columns events = new Columns(4);
        for (Change change : changes) {
            UUID id = change.before().id();
            change.nodes().forEach((node, o) -> {
                nodes.add(id, node, o.state().name(), o.reason(), o.message());
                Node row = change.before().nodes().get(node);
                NodeState previous = row == null ? NodeState.PENDING : row.recorded().state();
                if (previous != o.state()) {
                    events.add(id, "NodeStateChanged", node, StatusRecorder.nodeChange(previous, o));
                }
            });
            StatusAggregation.Result lab = change.lab();
            if (lab != null) {
                labs.add(id, lab.state().name(), lab.ready(), lab.total(), JSON.writeValueAsString(lab.reasons()),
                        change.specVersion());
                if (change.before().state() != lab.state()) {
                    events.add(id, "LabStateChanged", null, StatusRecorder.labChange(change.before().state(), lab));
                }
            }
        }
        int[] lockKeys = changes.stream().mapToInt(change -> LabEvents.lockKey(change.before().id())).distinct()
                .sorted().toArray();
        transaction.executeWithoutResult(tx -> {
            if (ownPool == null) {
                // on a shared pool; the follower's own connections are set so once (see ownPool)
                batch.execute("set local synchronous_commit to off");
            }
            // the labs' event locks before their rows, as every writer of a log takes them (see LabEvents), in one
            // order, so that two writers never wait for each other's
            batch.query("select pg_advisory_xact_lock(?, k) from unnest(?::int[]) as k",
                    (rs, n) -> n, LabEvents.LOCK_CLASS, lockKeys);
            batch.update(WRITE,
                    nodes.column(0, UUID[]::new), nodes.column(1, String[]::new),
                    nodes.column(2, String[]::new), nodes.column(3, String[]::new), nodes.column(4, String[]::new),
                    labs.column(0, UUID[]::new), labs.column(1, String[]::new), labs.column(2, Integer[]::new),
                    labs.column(3, Integer[]::new), labs.column(4, String[]::new), labs.column(5, Long[]::new),
                    events.column(0, UUID[]::new), events.column(1, String[]::new), events.column(2, String[]::new),
                    events.column(3, String[]::new));
        });
    }

    private static final String WRITE = """
                    with node_rows as (
                        -- a planned node without a row (added while the lab was stopped) gets one that does not run,
                        -- as a pass's status step made it; quota commitments decide what runs, never this
                        insert into node_runtime (lab_id, node, running, state, reason, message, updated_at)
                        select lab_id, node, false, state, reason, message, now()
                        from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                            as v (lab_id, node, state, reason, message)
                        on conflict (lab_id, node) do update set state = excluded.state, reason = excluded.reason,
                            message = excluded.message, updated_at = excluded.updated_at
                    ), lab_rows as (
                        update lab_runtime r set state = v.state, ready_nodes = v.ready, total_nodes = v.total,
                            reasons = v.reasons::jsonb, observed_spec = v.spec, updated_at = now(), version = r.version + 1
                        from unnest(?::uuid[], ?::text[], ?::int[], ?::int[], ?::text[], ?::bigint[])
                            as v (lab_id, state, ready, total, reasons, spec)
                        where r.lab_id = v.lab_id
                    )
                    -- dated as late as the statement allows: its commit follows at once
                    insert into lab_events (lab_id, at, kind, node, message)
                    select lab_id, clock_timestamp(), kind, node, message
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as e (lab_id, kind, node, message)""";

    /** Rows to write, kept by column: each column goes to the statement as one array. */
    private static final class Columns {
        private final List<List<Object>> columns = new ArrayList<>();

        Columns(int count) {
            for (int i = 0; i < count; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(Object... row) {
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }

        <T> T[] column(int index, java.util.function.IntFunction<T[]> array) {
            return columns.get(index).toArray(array);
        }
    }
}
