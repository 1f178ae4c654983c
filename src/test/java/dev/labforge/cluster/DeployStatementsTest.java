package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a lab's start costs its database, counted by PostgreSQL itself (pg_stat_statements): each row written once,
 * no read before an insert, and a lab's link bridges allocated in a fixed number of statements, not one pair per
 * link. On a saturated machine every statement waits for a core, so a classroom's start pays for each one 500 times.
 *
 * <p>The start is the only thing counted that no other thread can do, so the test runs a service of its own on a
 * database of its own: the shared service resyncs, records and tears down other tests' labs with these very
 * statements, and statement statistics cannot be told apart by lab, only by database. The service is closed after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DeployStatementsTest {

    /** Statements counted, by how their text begins. */
    private static final List<String> KINDS = List.of("insert into node_runtime", "update node_runtime",
            "select nr1_0.", "insert into lab_runtime", "update lab_runtime", "select nextval(",
            "insert into link_bridges");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IntegrationTest.service(registry, TestDatabase.own("labforge_deploy_statements"));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ApiClient user;

    @BeforeEach
    void setUp() {
        TestDatabase.assumeStatementStatistics(jdbc);
        ApiClient admin = new ApiClient(port, IntegrationTest.ADMIN_TOKEN);
        Catalog.ensure(admin);
        user = admin.newUser();
    }

    @Test
    void aStartWritesEachRowOnceAndAllocatesALabsBridgesTogether() {
        assertThat(jdbc.sql("select count(*) from labs").query(Long.class).single())
                .as("no lab but this test's on its database").isZero();
        Map<String, Long> before = calls();
        LifecycleApiTest.runningLab(user, "statements-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, Long> spent = new HashMap<>();
        calls().forEach((kind, n) -> spent.put(kind, n - before.getOrDefault(kind, 0L)));

        assertThat(spent).containsEntry("insert into node_runtime", 3L)
                .containsEntry("update node_runtime", 0L)
                .containsEntry("insert into lab_runtime", 1L)
                .containsEntry("update lab_runtime", 0L)
                .containsEntry("select nextval(", 1L)
                .containsEntry("insert into link_bridges", 1L);
        // the node rows are read once, by the start's quota check; the ORM looks for none before inserting
        assertThat(spent).containsEntry("select nr1_0.", 1L);
    }

    /** Calls by kind on this test's database alone. */
    private Map<String, Long> calls() {
        Map<String, Long> calls = new HashMap<>();
        KINDS.forEach(kind -> calls.put(kind, 0L));
        jdbc.sql("""
                select query, calls from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())""")
                .query((rs, n) -> Map.entry(rs.getString(1).strip().toLowerCase(), rs.getLong(2))).list()
                .forEach(row -> KINDS.stream().filter(row.getKey()::startsWith).findFirst()
                        .ifPresent(kind -> calls.merge(kind, row.getValue(), Long::sum)));
        return calls;
    }
}
