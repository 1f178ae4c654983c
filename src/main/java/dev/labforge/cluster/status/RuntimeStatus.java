package dev.labforge.cluster.status;

import dev.labforge.database.RoundTrip;
import dev.labforge.lab.LabStatus;
import dev.labforge.lab.LabStatusSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lab's live state for its REST answers, from what the reconciler last saved. Every lab read asks
 * for it, so it is one plain SQL round trip (lab and nodes together), no ORM session.
 */
@Component
public class RuntimeStatus implements LabStatusSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<LabStatus.NodeStatus>> NODES = new TypeReference<>() {
    };

    /** A lab's status row with its nodes; {@link #status} reads the columns in this order. */
    private static final String COLUMNS = """
            select r.state, r.desired, r.ready_nodes, r.total_nodes, r.reasons::text, r.updated_at,
                   coalesce((select json_agg(json_build_object('name', n.node, 'state', n.state,
                                'reason', n.reason, 'message', n.message) order by n.node)
                             from node_runtime n where n.lab_id = r.lab_id), '[]')::text""";

    private static final String READ = COLUMNS + " from lab_runtime r where r.lab_id = ?";

    private static final String READ_MANY = COLUMNS + ", r.lab_id from lab_runtime r where r.lab_id = any(?)";

    // package-private: the web pages benchmark reads its plan (LabStatePlans)
    static final String READ_SUMMARIES = """
            select r.lab_id, r.state, r.desired, r.ready_nodes, r.total_nodes, r.updated_at
            from lab_runtime r where r.lab_id = any(?)""";

    private final JdbcOperations jdbc;

    RuntimeStatus(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LabStatus> statusOf(UUID labId) {
        var read = statusRead(labId);
        return RoundTrip.run(jdbc, read).of(read);
    }

    /** State and counts only: one plain index read per lab, no node rows (a labs page of 500 rows). */
    @Override
    public Map<UUID, LabStatus> summariesOf(Collection<UUID> labIds) {
        Map<UUID, LabStatus> all = new HashMap<>();
        if (labIds.isEmpty()) {
            return all;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(READ_SUMMARIES);
            statement.setArray(1, connection.createArrayOf("uuid", labIds.toArray()));
            return statement;
        }, (RowCallbackHandler) rs -> all.put(rs.getObject(1, UUID.class), new LabStatus(rs.getString(2),
                rs.getString(3), rs.getInt(4), rs.getInt(5), List.of(), List.of(),
                rs.getObject(6, OffsetDateTime.class).toInstant())));
        return all;
    }

    /** All in one round trip, however many labs (a class view asks for hundreds at once). */
    @Override
    public Map<UUID, LabStatus> statusesOf(Collection<UUID> labIds) {
        Map<UUID, LabStatus> all = new HashMap<>();
        if (labIds.isEmpty()) {
            return all;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(READ_MANY);
            statement.setArray(1, connection.createArrayOf("uuid", labIds.toArray()));
            return statement;
        }, (RowCallbackHandler) rs -> all.put(rs.getObject(8, UUID.class), status(rs)));
        return all;
    }

    @Override
    public RoundTrip.Statement<Optional<LabStatus>> statusRead(UUID labId) {
        return RoundTrip.query(READ, rs -> rs.next() ? Optional.of(status(rs)) : Optional.empty(), labId);
    }

    private static LabStatus status(ResultSet rs) throws SQLException {
        return new LabStatus(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                JSON.readValue(rs.getString(5), STRINGS), JSON.readValue(rs.getString(7), NODES),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }
}
