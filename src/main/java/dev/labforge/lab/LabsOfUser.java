package dev.labforge.lab;

import dev.labforge.access.UserHoldings;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells user administration which labs a user owns, so that deleting the user can be refused by name. */
@Component
class LabsOfUser implements UserHoldings {

    private final JdbcClient jdbc;

    LabsOfUser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holding> heldBy(UUID userId) {
        return jdbc.sql("select id, name from labs where owner_id = ? order by name, id").param(userId)
                .query((rs, row) -> new Holding("lab", rs.getObject(1, UUID.class), rs.getString(2))).list();
    }
}
