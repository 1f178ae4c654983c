package dev.labforge.access.oidc;

import java.util.Map;
import java.util.Set;
import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team memberships that follow the identity provider: a user is a member of each team whose idp group
 * is in their groups claim, and leaves it when the group is gone from the claim. Memberships made in
 * LabForge (source {@code manual}) are never changed, whatever the claim says. Each change is audited,
 * with the user whose token brought it as the actor.
 */
@Component
class IdpGroupMemberships {

    private static final RowMapper<AuditLog.Target> TEAM =
            (rs, row) -> new AuditLog.Target("team", rs.getString(1), rs.getString(2));

    private final JdbcClient jdbc;
    private final AuditLog audit;

    IdpGroupMemberships(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    void follow(Caller user, Set<String> groups) {
        String[] names = groups.toArray(String[]::new);
        if (names.length > 0) {
            jdbc.sql("""
                            with added as (
                                insert into team_members (team_id, user_id, role, source)
                                select id, ?, 'member', 'idp' from teams where idp_group = any (?)
                                on conflict (team_id, user_id) do nothing
                                returning team_id)
                            select t.id, t.name from added a join teams t on t.id = a.team_id""")
                    .params(user.userId(), names).query(TEAM).list()
                    .forEach(team -> audit.record(user, "team.member.put", team,
                            Map.of("user", user.username(), "role", "member", "source", "idp")));
        }
        jdbc.sql("""
                        delete from team_members m using teams t
                        where m.team_id = t.id and m.user_id = ? and m.source = 'idp'
                          and (t.idp_group is null or not (t.idp_group = any (?)))
                        returning t.id, t.name""")
                .params(user.userId(), names).query(TEAM).list()
                .forEach(team -> audit.record(user, "team.member.remove", team,
                        Map.of("user", user.username(), "source", "idp")));
    }
}
