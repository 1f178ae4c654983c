package dev.labforge.lab;

import dev.labforge.access.Owner;
import dev.labforge.access.Teams;
import dev.labforge.access.UserDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Names owners for the API, a page of labs at a time. */
@Component
class Owners {

    private final UserDirectory users;
    private final Teams teams;

    Owners(UserDirectory users, Teams teams) {
        this.users = users;
        this.teams = teams;
    }

    Map<Owner, LabView.OwnerView> views(Collection<Owner> owners) {
        var userIds = owners.stream().filter(o -> o.kind() == Owner.Kind.USER).map(Owner::id).toList();
        var teamIds = owners.stream().filter(o -> o.kind() == Owner.Kind.TEAM).map(Owner::id).toList();
        Map<UUID, String> userNames = userIds.isEmpty() ? Map.of() : users.usernames(userIds);
        Map<UUID, String> teamNames = teamIds.isEmpty() ? Map.of() : teams.names(teamIds);
        Map<Owner, LabView.OwnerView> views = new HashMap<>();
        for (Owner owner : owners) {
            String name = (owner.kind() == Owner.Kind.USER ? userNames : teamNames).get(owner.id());
            views.put(owner, new LabView.OwnerView(owner.kind(), owner.id(), name));
        }
        return views;
    }

    LabView.OwnerView view(Owner owner) {
        return views(java.util.List.of(owner)).get(owner);
    }
}
