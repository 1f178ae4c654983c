package dev.labforge.lab;

import dev.labforge.access.Caller;
import dev.labforge.access.Owner;
import dev.labforge.access.Team;
import dev.labforge.access.TeamRole;
import dev.labforge.access.Teams;
import dev.labforge.api.Forbidden;
import dev.labforge.api.InvalidField;
import dev.labforge.api.ValidationFailed;
import java.util.List;
import org.springframework.stereotype.Component;

/** Decides who a new lab belongs to: the caller, or a team they own or maintain. */
@Component
class NewLabOwner {

    private final Teams teams;

    NewLabOwner(Teams teams) {
        this.teams = teams;
    }

    Owner resolve(Caller caller, String teamName) {
        if (teamName == null) {
            return Owner.user(caller.userId());
        }
        Team team = teams.byName(teamName).orElse(null);
        TeamRole role = team == null ? null : teams.roleOf(team.id(), caller.userId()).orElse(null);
        if (team == null || (role == null && !caller.admin())) {
            throw new ValidationFailed(List.of(InvalidField.parameter("team",
                    "you belong to no team named '" + teamName + "'")));
        }
        if (!caller.admin() && !role.managesLabs()) {
            throw new Forbidden("you are a member of team '" + teamName
                    + "'; only its owners and maintainers create labs for it");
        }
        return Owner.team(team.id());
    }
}
