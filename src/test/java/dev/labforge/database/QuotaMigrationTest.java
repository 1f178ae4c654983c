package dev.labforge.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V7 on a database with a lab already running: every node of it gets a row holding its resources,
 * so that nodes keep running and count against quotas after the upgrade.
 */
class QuotaMigrationTest {

    @Test
    void runningLabsGetARowPerNodeWithTheirResources() throws SQLException {
        TestDatabase.Connection db = TestDatabase.get();
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            var dataSource = new SingleConnectionDataSource(connection, true);
            Flyway.configure().dataSource(dataSource).schemas(schema).locations("filesystem:db/migration")
                    .target("6").load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql("set search_path to " + schema).update();
            UUID user = UUID.randomUUID();
            UUID lab = UUID.randomUUID();
            jdbc.sql("insert into users (id, username) values (?, 'old-timer')").param(user).update();
            jdbc.sql("""
                    insert into images (id, name, container_disk, clab_kind, default_cpu, default_memory_mib,
                      interface_pattern, first_data_port, max_data_ports, nic_model, config_delivery, readiness_probe)
                    values (gen_random_uuid(), 'frr', 'quay.io/x/frr:1', 'linux', 1, 1024, 'eth{n}', 1, 8,
                      'VIRTIO', 'NOCLOUD', 'NONE')""").update();
            jdbc.sql("""
                    insert into labs (id, owner_id, name, topology, node_count, link_count, version, created_at,
                      updated_at) values (?, ?, 'old', ?::jsonb, 2, 0, 0, now(), now())""")
                    .params(lab, user, "{\"nodes\":[{\"name\":\"r1\",\"image\":\"frr\",\"cpu\":4,\"memoryMib\":4096},"
                            + "{\"name\":\"r2\",\"image\":\"frr\"}],\"links\":[]}")
                    .update();
            jdbc.sql("insert into lab_runtime (lab_id, namespace, desired, state, updated_at, version)"
                    + " values (?, 'lab-old', 'RUNNING', 'RUNNING', now(), 0)").param(lab).update();
            jdbc.sql("insert into node_runtime (lab_id, node, running, state, updated_at)"
                    + " values (?, 'r1', true, 'READY', now())").param(lab).update();

            Flyway.configure().dataSource(dataSource).schemas(schema).locations("filesystem:db/migration").load()
                    .migrate();

            List<String> rows = jdbc.sql("select node || ' ' || running || ' ' || vcpus || ' ' || memory_mib || ' '"
                    + " || state from node_runtime where lab_id = ? order by node").param(lab).query(String.class).list();
            assertThat(rows).containsExactly("r1 true 4 4096 READY", "r2 true 1 1024 PENDING");
        }
    }
}
