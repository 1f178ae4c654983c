package dev.labforge.lab;

import dev.labforge.access.Owner;
import dev.labforge.database.RoundTrip;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Writes a new lab's row in plain SQL, together with the statements that must commit with it (its audit entry) in
 * one round trip. Creating labs is the hottest write: through the ORM it cost a session's persist and flush, and a
 * round trip of its own, for one insert.
 */
@Component
class NewLabs {

    private static final TopologyJsonConverter TOPOLOGY = new TopologyJsonConverter();

    private static final String INSERT = "insert into labs (id, owner_id, owner_team_id, name, description, topology,"
            + " node_count, link_count, segment_count, charged_to, version, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcOperations jdbc;

    NewLabs(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the lab (at version 0, as the ORM's first version) and then {@code alongside}, in the caller's
     * transaction; a name the owner already uses fails the insert (and nothing after it runs).
     */
    void insert(Lab lab, RoundTrip.Statement<?>... alongside) {
        Owner owner = lab.owner();
        lab.stored(0);
        var row = RoundTrip.update(INSERT, lab.id(), owner.kind() == Owner.Kind.USER ? owner.id() : null,
                owner.kind() == Owner.Kind.TEAM ? owner.id() : null, lab.name(), lab.description(),
                TOPOLOGY.convertToDatabaseColumn(lab.topology()), lab.topology().nodes().size(),
                lab.topology().links().size(), lab.topology().segments().size(), lab.chargedTo(), lab.version(), lab.createdAt().atOffset(ZoneOffset.UTC),
                lab.updatedAt().atOffset(ZoneOffset.UTC));
        List<RoundTrip.Statement<?>> statements = new ArrayList<>();
        statements.add(row);
        statements.addAll(List.of(alongside));
        RoundTrip.run(jdbc, statements);
    }
}
