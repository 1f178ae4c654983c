package dev.labforge.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.TestDatabase;
import dev.labforge.cluster.LifecycleApiTest;
import dev.labforge.cluster.plan.DesiredRun;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The follower's SQL on real PostgreSQL: a batch reads and writes status columns and logs events as passes do. */
class StatusRowsTest extends IntegrationTest {

    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsARunningLabAndWritesAChangeWithItsEvents() {
        Catalog.ensure(api());
        ApiClient user = api().newUser();
        UUID lab = LifecycleApiTest.runningLab(user, "status-rows");

        // on the service's own pool, so that the writes below join the test's transaction and are rolled back with it
        StatusRows rows = StatusRows.sharing(dataSource);
        StatusRows.Lab row = rows.load(List.of(lab, UUID.randomUUID())).get(lab);
        assertThat(row.desired()).isEqualTo(DesiredRun.RUNNING);
        assertThat(row.state()).isEqualTo(LabState.RUNNING);
        assertThat(row.ready()).isEqualTo(3);
        assertThat(row.nodes()).containsOnlyKeys("r1", "r2", "r3");
        assertThat(row.nodes().get("r1"))
                .isEqualTo(new StatusRows.Node(true, NodeObservation.of(NodeState.READY), false));

        // written and read back in a transaction that is rolled back: the running service never sees it
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.executeWithoutResult(tx -> {
            long version = version(lab);
            long eventsBefore = events(lab).size();
            NodeObservation failed = new NodeObservation(NodeState.FAILED, "CrashLoopBackOff", "the guest crashed");
            StatusAggregation.Result degraded = new StatusAggregation.Result(LabState.DEGRADED, 2, 3,
                    List.of("r1: CrashLoopBackOff: the guest crashed"), true);
            rows.write(List.of(new StatusRows.Change(row, degraded, row.observedSpec() + 1, Map.of("r1", failed,
                    "r9", NodeObservation.of(NodeState.STOPPED)))));

            StatusRows.Lab after = rows.load(List.of(lab)).get(lab);
            assertThat(after.state()).isEqualTo(LabState.DEGRADED);
            assertThat(after.ready()).isEqualTo(2);
            assertThat(after.reasons()).containsExactly("r1: CrashLoopBackOff: the guest crashed");
            assertThat(after.nodes().get("r1").recorded()).isEqualTo(failed);
            assertThat(after.nodes().get("r2").recorded().state()).isEqualTo(NodeState.READY);
            assertThat(after.observedSpec()).isEqualTo(row.observedSpec() + 1);
            assertThat(after.nodes().get("r9")).as("a planned node without a row gets one that does not run")
                    .isEqualTo(new StatusRows.Node(false, NodeObservation.of(NodeState.STOPPED), false));
            assertThat(version(lab)).as("the ORM's optimistic lock sees the write").isEqualTo(version + 1);
            List<String> events = events(lab);
            assertThat(events).hasSize((int) eventsBefore + 3);
            assertThat(events.subList(events.size() - 3, events.size())).containsExactlyInAnyOrder(
                    "NodeStateChanged r1 READY -> FAILED (CrashLoopBackOff: the guest crashed)",
                    "NodeStateChanged r9 PENDING -> STOPPED",
                    "LabStateChanged - RUNNING -> DEGRADED (2/3 ready)");
            tx.setRollbackOnly();
        });
        assertThat(rows.load(List.of(lab)).get(lab).state()).isEqualTo(LabState.RUNNING);
    }

    private long version(UUID lab) {
        return jdbc.sql("select version from lab_runtime where lab_id = ?").param(lab).query(Long.class).single();
    }

    private List<String> events(UUID lab) {
        return jdbc.sql("select kind || ' ' || coalesce(node, '-') || ' ' || message from lab_events where lab_id = ?"
                + " order by id").param(lab).query(String.class).list();
    }

    /**
     * The follower reads labs in batches, mostly small ones; planned for the array at hand, such a read looks cheaper
     * each time than a reusable plan for an array of unknown size, so PostgreSQL would plan it on every call.
     */
    @Test
    void theFollowersBatchReadIsPlannedOncePerConnection() {
        try (Probe probe = new Probe()) {
            long[] before = probe.reads(BATCH);
            for (int i = 0; i < 40; i++) {
                probe.rows.load(List.of(UUID.randomUUID()));
            }
            long[] after = probe.reads(BATCH);

            assertThat(after[0] - before[0]).as("calls").isEqualTo(40);
            // each of the follower's connections plans it at most five times: pgjdbc prepares it on the server at the
            // fifth use, and from then on the connection's plan is reused
            assertThat(after[1] - before[1]).as("plans").isLessThanOrEqualTo(15);
        }
    }

    /** A pass reads one lab on the service's shared connections, where PostgreSQL chooses how to plan. */
    @Test
    void aPassReadOfOneLabIsNotPlannedOnEveryCall() {
        try (Probe probe = new Probe()) {
            long[] before = probe.reads(ONE);
            for (int i = 0; i < 40; i++) {
                probe.rows.read(UUID.randomUUID());
            }
            long[] after = probe.reads(ONE);

            assertThat(after[0] - before[0]).as("calls").isEqualTo(40);
            // planned until pgjdbc prepares it on the server (the fifth use on a connection) and a little after, while
            // PostgreSQL compares its plans; then the connection's plan is reused. This thread mostly gets one
            // connection
            assertThat(after[1] - before[1]).as("plans").isLessThanOrEqualTo(20);
        }
    }

    /** The follower's batch read and a pass's read of one lab, by how their condition ends (a LIKE pattern). */
    private static final String BATCH = "%= any ($1)";
    private static final String ONE = "%= $1";
    private static final String PROBE_ROLE = "labforge_status_rows_probe";

    /**
     * The runtime rows as the service has them (its shared pool's settings, and the follower's pool made from it as the
     * service makes it), on connections of a role the service never uses: pg_stat_statements keeps each role's
     * figures apart, while the service's own passes and follower run these very statements for other tests' labs.
     */
    private final class Probe implements AutoCloseable {
        private final HikariDataSource shared;
        private final StatusRows rows;
        private final long role;

        Probe() {
            TestDatabase.assumeStatementStatistics(jdbc);
            TestDatabase.Connection as = TestDatabase.role(PROBE_ROLE);
            HikariConfig config = new HikariConfig();
            ((HikariDataSource) dataSource).copyStateTo(config);
            config.setPoolName("status-rows-probe");
            config.setJdbcUrl(as.url());
            config.setUsername(as.username());
            config.setPassword(as.password());
            shared = new HikariDataSource(config);
            rows = new StatusRows(shared);
            role = jdbc.sql("select oid from pg_roles where rolname = ?").param(PROBE_ROLE).query(Long.class)
                    .single();
        }

        /** Calls and plans by this role of the runtime rows' read whose condition ends as {@code ending}. */
        long[] reads(String ending) {
            return jdbc.sql("""
                    select coalesce(sum(calls), 0), coalesce(sum(plans), 0) from pg_stat_statements
                    where userid = ? and query like 'select r.lab_id, r.desired, r.state%' and query like ?""")
                    .params(role, ending).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        }

        @Override
        public void close() {
            rows.close();
            shared.close();
        }
    }
}
