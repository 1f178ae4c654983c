package dev.labforge.lab;

import dev.labforge.access.Permission;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grants table: who besides the owner may do what with a lab. */
@Component
class LabGrants {

    /** One grant, to a user or (exclusively) a team. */
    record Grant(UUID userId, String username, UUID teamId, String teamName, Permission level, Instant grantedAt) {
    }

    private final JdbcClient jdbc;

    LabGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Grant> of(UUID labId) {
        return jdbc.sql("""
                        select g.user_id, u.username, g.team_id, t.name, g.rank, g.granted_at from lab_grants g
                        left join users u on u.id = g.user_id left join teams t on t.id = g.team_id
                        where g.lab_id = ? order by g.team_id is not null, coalesce(u.username, t.name)""")
                .param(labId)
                .query((rs, row) -> new Grant(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), Permission.ofRank(rs.getInt(5)).orElseThrow(),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Locks the lab's row until the transaction ends, so that changes to its grants queue. */
    void lock(UUID labId) {
        jdbc.sql("select id from labs where id = ? for update").param(labId).query(UUID.class).optional()
                .orElseThrow(() -> new LabNotFound(labId));
    }

    /** Gives one user this level on the lab, replacing the level they had by a grant. */
    void grant(UUID labId, UUID userId, Permission level) {
        jdbc.sql("""
                        insert into lab_grants (lab_id, user_id, level) values (?, ?, ?)
                        on conflict (lab_id, user_id) do update set level = excluded.level""")
                .params(labId, userId, level.label()).update();
    }

    /** Takes back the user's own grant on the lab (not what they have through a team). */
    void revoke(UUID labId, UUID userId) {
        jdbc.sql("delete from lab_grants where lab_id = ? and user_id = ?").params(labId, userId).update();
    }

    /** Replaces every grant of the lab; take {@link #lock} first. */
    void replace(UUID labId, List<Grant> grants) {
        jdbc.sql("delete from lab_grants where lab_id = ?").param(labId).update();
        for (Grant grant : grants) {
            jdbc.sql("insert into lab_grants (lab_id, user_id, team_id, level) values (?, ?, ?, ?)")
                    .params(labId, grant.userId(), grant.teamId(), grant.level().label()).update();
        }
    }
}
