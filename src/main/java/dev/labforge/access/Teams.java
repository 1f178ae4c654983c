package dev.labforge.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import dev.labforge.access.team.TeamStore;
import org.springframework.stereotype.Component;

/** The teams module's public face: who is in which team, for modules that decide access. */
@Component
public class Teams {

    private final TeamStore store;

    Teams(TeamStore store) {
        this.store = store;
    }

    public Optional<Team> byName(String name) {
        return store.byName(name);
    }

    public Optional<TeamRole> roleOf(UUID teamId, UUID userId) {
        return store.roleOf(teamId, userId);
    }

    public List<Team> of(UUID userId) {
        return store.of(userId);
    }

    public Map<UUID, String> names(Collection<UUID> ids) {
        return store.names(ids);
    }
}
