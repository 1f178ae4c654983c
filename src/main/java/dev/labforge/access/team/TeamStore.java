package dev.labforge.access.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import dev.labforge.access.Team;
import dev.labforge.access.TeamRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Teams and memberships in PostgreSQL. Membership changes lock the team row so they serialise. */
@Component
public class TeamStore {

    private static final String TEAM_COLUMNS = "t.id, t.name, t.display_name, t.idp_group, t.created_at";

    private final JdbcClient jdbc;

    TeamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the name or the identity provider group is taken (the transaction stays usable) */
    boolean insert(Team team) {
        return jdbc.sql("insert into teams (id, name, display_name, idp_group, created_at) values (?, ?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(team.id(), team.name(), team.displayName(), team.idpGroup(),
                        OffsetDateTime.ofInstant(team.createdAt(), java.time.ZoneOffset.UTC))
                .update() == 1;
    }

    void update(UUID id, String displayName, String idpGroup) {
        jdbc.sql("update teams set display_name = ?, idp_group = ? where id = ?")
                .params(displayName, idpGroup, id).update();
    }

    /** Deletes the team with its memberships and grants; fails while it owns labs. */
    void delete(UUID id) {
        jdbc.sql("delete from teams where id = ?").param(id).update();
    }

    public Optional<Team> byName(String name) {
        return jdbc.sql("select " + TEAM_COLUMNS + " from teams t where t.name = ?").param(name)
                .query(TeamStore::team).optional();
    }

    /** The team, with its row locked until the transaction ends: membership changes queue here. */
    Optional<Team> lockByName(String name) {
        return jdbc.sql("select " + TEAM_COLUMNS + " from teams t where t.name = ? for update").param(name)
                .query(TeamStore::team).optional();
    }

    List<Team> all() {
        return jdbc.sql("select " + TEAM_COLUMNS + " from teams t order by t.name").query(TeamStore::team).list();
    }

    public List<Team> of(UUID userId) {
        return jdbc.sql("select " + TEAM_COLUMNS + " from teams t join team_members m on m.team_id = t.id"
                        + " where m.user_id = ? order by t.name")
                .param(userId).query(TeamStore::team).list();
    }

    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name from teams where id = any(?)").param(ids.toArray(UUID[]::new))
                    .query(rs -> {
                        names.put(rs.getObject(1, UUID.class), rs.getString(2));
                    });
        }
        return names;
    }

    List<TeamMember> members(UUID teamId) {
        return jdbc.sql("select m.user_id, u.username, m.role, m.source from team_members m"
                        + " join users u on u.id = m.user_id where m.team_id = ? order by u.username")
                .param(teamId)
                .query((rs, row) -> new TeamMember(rs.getObject(1, UUID.class), rs.getString(2),
                        TeamRole.parse(rs.getString(3)).orElseThrow(), rs.getString(4)))
                .list();
    }

    public Optional<TeamRole> roleOf(UUID teamId, UUID userId) {
        return jdbc.sql("select role from team_members where team_id = ? and user_id = ?").params(teamId, userId)
                .query(String.class).optional().flatMap(TeamRole::parse);
    }

    /** Adds the member or changes their role; a manual change makes the membership manual. */
    void putMember(UUID teamId, UUID userId, TeamRole role) {
        jdbc.sql("insert into team_members (team_id, user_id, role, source) values (?, ?, ?, 'manual')"
                        + " on conflict (team_id, user_id) do update set role = excluded.role, source = 'manual'")
                .params(teamId, userId, role.label()).update();
    }

    boolean removeMember(UUID teamId, UUID userId) {
        return jdbc.sql("delete from team_members where team_id = ? and user_id = ?").params(teamId, userId)
                .update() > 0;
    }

    int owners(UUID teamId) {
        return jdbc.sql("select count(*) from team_members where team_id = ? and role = 'owner'").param(teamId)
                .query(Integer.class).single();
    }

    private static Team team(ResultSet rs, int row) throws SQLException {
        return new Team(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }
}
