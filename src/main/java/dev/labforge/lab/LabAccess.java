package dev.labforge.lab;

import dev.labforge.access.Caller;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which labs a caller may see and change. Today: their own, and every lab for admins. Team
 * ownership and per-lab sharing will widen this one place.
 */
@Component
class LabAccess {

    private static final TopologyJsonConverter TOPOLOGY = new TopologyJsonConverter();

    private final LabRepository labs;
    private final JdbcClient jdbc;

    LabAccess(LabRepository labs, JdbcClient jdbc) {
        this.labs = labs;
        this.jdbc = jdbc;
    }

    /**
     * The lab for reading. Reads are the hottest path, so this is one SQL round trip without an ORM
     * session; the result is detached and never saved.
     */
    Lab visible(Caller caller, UUID id) {
        String sql = "select id, owner_id, name, description, topology::text, version, created_at, updated_at"
                + " from labs where id = ?" + (caller.admin() ? "" : " and owner_id = ?");
        var statement = jdbc.sql(sql).param(id);
        if (!caller.admin()) {
            statement = statement.param(caller.userId());
        }
        return statement.query((rs, row) -> Lab.restore(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), TOPOLOGY.convertToEntityAttribute(rs.getString(5)),
                        rs.getLong(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                        rs.getObject(8, OffsetDateTime.class).toInstant()))
                .optional().orElseThrow(() -> new LabNotFound(id));
    }

    /** The lab for changing: a managed entity whose version guards concurrent edits. */
    Lab editable(Caller caller, UUID id) {
        return (caller.admin() ? labs.findById(id) : labs.findByIdAndOwnerId(id, caller.userId()))
                .orElseThrow(() -> new LabNotFound(id));
    }

    Page<LabSummary> list(Caller caller, String nameContains, Pageable page) {
        String name = nameContains == null ? "" : nameContains;
        return caller.admin()
                ? labs.findByNameContainingIgnoreCase(name, page)
                : labs.findByOwnerIdAndNameContainingIgnoreCase(caller.userId(), name, page);
    }
}
