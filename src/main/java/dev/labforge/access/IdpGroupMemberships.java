package dev.labforge.access;

import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team memberships that follow the identity provider: a user is a member of each team whose idp group
 * is in their groups claim, and leaves it when the group is gone from the claim. Memberships made in
 * LabForge (source {@code manual}) are never changed, whatever the claim says.
 */
@Component
class IdpGroupMemberships {

    private final JdbcClient jdbc;

    IdpGroupMemberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void follow(UUID userId, Set<String> groups) {
        String[] names = groups.toArray(String[]::new);
        if (names.length > 0) {
            jdbc.sql("""
                            insert into team_members (team_id, user_id, role, source)
                            select id, ?, 'member', 'idp' from teams where idp_group = any (?)
                            on conflict (team_id, user_id) do nothing""")
                    .params(userId, names).update();
        }
        jdbc.sql("""
                        delete from team_members m using teams t
                        where m.team_id = t.id and m.user_id = ? and m.source = 'idp'
                          and (t.idp_group is null or not (t.idp_group = any (?)))""")
                .params(userId, names).update();
    }
}
