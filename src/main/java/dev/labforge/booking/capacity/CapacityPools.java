package dev.labforge.booking.capacity;

import dev.labforge.api.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The capacity_pools table. */
@Component
public class CapacityPools {

    private static final String COLUMNS = "select id, name, vcpus, memory_mib, nodes, node_selector::text, created_at,"
            + " derived, cpu_overcommit from capacity_pools";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CapacityPools(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    CapacityPool insert(String name, Demand capacity, Map<String, String> nodeSelector, Instant now) {
        return insert(name, capacity, nodeSelector, now, false, 1);
    }

    CapacityPool insert(String name, Demand capacity, Map<String, String> nodeSelector, Instant now, boolean derived,
                        double cpuOvercommit) {
        CapacityPool pool = new CapacityPool(UUID.randomUUID(), name, capacity, nodeSelector, now, derived,
                cpuOvercommit);
        jdbc.sql("insert into capacity_pools (id, name, vcpus, memory_mib, nodes, node_selector, created_at, derived,"
                        + " cpu_overcommit) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)")
                .params(pool.id(), name, (int) capacity.vcpus(), capacity.memoryMib(), (int) capacity.nodes(),
                        selector(nodeSelector), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), derived, cpuOvercommit)
                .update();
        return pool;
    }

    void update(UUID id, Demand capacity, Map<String, String> nodeSelector) {
        update(id, capacity, nodeSelector, false, 1);
    }

    void update(UUID id, Demand capacity, Map<String, String> nodeSelector, boolean derived, double cpuOvercommit) {
        jdbc.sql("update capacity_pools set vcpus = ?, memory_mib = ?, nodes = ?, node_selector = ?::jsonb,"
                        + " derived = ?, cpu_overcommit = ? where id = ?")
                .params((int) capacity.vcpus(), capacity.memoryMib(), (int) capacity.nodes(), selector(nodeSelector),
                        derived, cpuOvercommit, id)
                .update();
    }

    /** A derived pool's capacity, as its Nodes offer it now. */
    void resize(UUID id, Demand capacity) {
        jdbc.sql("update capacity_pools set vcpus = ?, memory_mib = ?, nodes = ? where id = ?")
                .params((int) capacity.vcpus(), capacity.memoryMib(), (int) capacity.nodes(), id).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from capacity_pools where id = ?").param(id).update();
    }

    List<CapacityPool> all() {
        return jdbc.sql(COLUMNS + " order by name").query((rs, row) -> pool(rs)).list();
    }

    public Optional<CapacityPool> byName(String name) {
        return jdbc.sql(COLUMNS + " where name = ?").param(name).query((rs, row) -> pool(rs)).optional();
    }

    public Optional<CapacityPool> byId(UUID id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query((rs, row) -> pool(rs)).optional();
    }

    CapacityPool require(String name) {
        return byName(name).orElseThrow(() -> new NotFound("no capacity pool named '" + name + "'"));
    }

    /**
     * The pool, its row locked until the transaction ends: every change to the pool's ledger and to
     * its capacity queues here, one at a time.
     */
    public CapacityPool lock(UUID id) {
        return jdbc.sql(COLUMNS + " where id = ? for update").param(id).query((rs, row) -> pool(rs)).optional()
                .orElseThrow(() -> new NotFound("no capacity pool with id " + id));
    }

    private String selector(Map<String, String> nodeSelector) {
        return nodeSelector == null || nodeSelector.isEmpty() ? null : json.writeValueAsString(nodeSelector);
    }

    private CapacityPool pool(ResultSet rs) throws SQLException {
        String selector = rs.getString(6);
        Map<String, String> labels = selector == null ? Map.of()
                : json.readValue(selector, new TypeReference<Map<String, String>>() { });
        return new CapacityPool(rs.getObject(1, UUID.class), rs.getString(2),
                new Demand(rs.getInt(3), rs.getLong(4), rs.getInt(5)), labels,
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getBoolean(8), rs.getDouble(9));
    }
}
