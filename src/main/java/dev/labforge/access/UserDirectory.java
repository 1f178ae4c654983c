package dev.labforge.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import dev.labforge.access.user.User;
import dev.labforge.access.user.UserRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names of users, for modules that show who owns what. */
@Component
public class UserDirectory {

    private final UserRepository users;
    private final JdbcClient jdbc;

    UserDirectory(UserRepository users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    /** One plain query: every lab answer names its owner, and loading whole entities for that costs more. */
    public Map<UUID, String> usernames(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select id, username from users where id = any (?)").param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    public java.util.Optional<UUID> idOf(String username) {
        return users.findByUsername(username).map(User::getId);
    }

    /** Whether the user exists and is not disabled: for credentials other modules keep (a calendar feed URL). */
    public boolean active(UUID id) {
        return jdbc.sql("select count(*) from users where id = ? and disabled_at is null").param(id)
                .query(Long.class).single() > 0;
    }

    public String username(UUID id) {
        return users.findById(id).map(User::username).orElse(null);
    }
}
