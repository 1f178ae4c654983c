package dev.labforge.access.team;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.labforge.access.Team;
import dev.labforge.access.TeamRole;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Team")
@JsonInclude(JsonInclude.Include.NON_NULL)
record TeamView(UUID id, String name, String displayName, String idpGroup, Instant createdAt,
                @Schema(description = "your role in the team; absent when you are not a member")
                TeamRole yourRole,
                List<MemberView> members) {

    @Schema(name = "TeamMember")
    record MemberView(String username, TeamRole role,
                      @Schema(description = "manual: managed over the API; idp: follows the identity provider's groups")
                      String source) {
    }

    @Schema(name = "TeamSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(UUID id, String name, String displayName, TeamRole yourRole) {
    }

    static TeamView of(Team team, TeamRole yourRole, List<TeamMember> members) {
        return new TeamView(team.id(), team.name(), team.displayName(), team.idpGroup(), team.createdAt(), yourRole,
                members.stream().map(m -> new MemberView(m.username(), m.role(), m.source())).toList());
    }
}
