package dev.labforge.access;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Names of users, for modules that show who owns what. */
@Component
public class UserDirectory {

    private final UserRepository users;

    UserDirectory(UserRepository users) {
        this.users = users;
    }

    public Map<UUID, String> usernames(Collection<UUID> ids) {
        return users.findAllById(ids).stream().collect(Collectors.toMap(User::getId, User::username));
    }

    public java.util.Optional<UUID> idOf(String username) {
        return users.findByUsername(username).map(User::getId);
    }

    public String username(UUID id) {
        return users.findById(id).map(User::username).orElse(null);
    }
}
