package dev.labforge.quota;

import dev.labforge.access.Owner;
import dev.labforge.access.Teams;
import dev.labforge.access.UserDirectory;
import java.util.List;
import org.springframework.stereotype.Component;

/** "user alice" or "team netops", for messages. */
@Component
class OwnerNames {

    private final UserDirectory users;
    private final Teams teams;

    OwnerNames(UserDirectory users, Teams teams) {
        this.users = users;
        this.teams = teams;
    }

    String name(Owner owner) {
        return owner.kind() == Owner.Kind.USER
                ? "user " + users.username(owner.id())
                : "team " + teams.names(List.of(owner.id())).get(owner.id());
    }
}
