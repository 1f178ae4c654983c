package dev.labforge.quota;

import dev.labforge.access.Owner;
import dev.labforge.access.Teams;
import dev.labforge.access.UserDirectory;
import java.util.List;
import org.springframework.stereotype.Component;

/** Owners named for answers: the quota problem names the owner whose limit was reached. */
@Component
class OwnerNames {

    private final UserDirectory users;
    private final Teams teams;

    OwnerNames(UserDirectory users, Teams teams) {
        this.users = users;
        this.teams = teams;
    }

    /** The owner as every answer shows one: kind, id and the user's or team's name. */
    OwnerUsage.Subject subject(Owner owner) {
        String name = owner.kind() == Owner.Kind.USER
                ? users.username(owner.id())
                : teams.names(List.of(owner.id())).get(owner.id());
        return new OwnerUsage.Subject(owner.kind(), owner.id(), name);
    }
}
