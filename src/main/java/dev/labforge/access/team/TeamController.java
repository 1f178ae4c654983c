package dev.labforge.access.team;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.Team;
import dev.labforge.access.TeamRole;
import dev.labforge.access.user.User;
import dev.labforge.access.user.UserRepository;
import dev.labforge.api.Conflict;
import dev.labforge.api.DatabaseErrors;
import dev.labforge.api.Forbidden;
import dev.labforge.api.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "teams", description = "Teams own labs together and receive grants on other labs")
class TeamController {

    record NewTeam(@NotBlank @Pattern(regexp = "[a-z0-9]([-a-z0-9._]{0,61}[a-z0-9])?",
                           message = "1-63 lower-case letters, digits, '-', '.' or '_'") String name,
                   @Size(max = 200) String displayName,
                   @Size(min = 1, max = 200) String idpGroup) {
    }

    record TeamUpdate(@Size(max = 200) String displayName,
                      @Schema(description = "absent: unchanged; empty: unlinked (administrators only)")
                      @Size(max = 200) String idpGroup) {
    }

    record Membership(@NotNull @Pattern(regexp = "owner|maintainer|member",
            message = "one of owner, maintainer, member") String role) {
    }

    private final TeamStore teams;
    private final UserRepository users;
    private final AuditLog audit;

    TeamController(TeamStore teams, UserRepository users, AuditLog audit) {
        this.teams = teams;
        this.users = users;
        this.audit = audit;
    }

    @PostMapping
    @Transactional
    @Operation(operationId = "createTeam", summary = "Create a team; you become its owner",
            description = "Only administrators may link a team to an identity provider group (idpGroup).")
    ResponseEntity<TeamView> create(Caller caller, @Valid @RequestBody NewTeam request) {
        if (request.idpGroup() != null && !caller.admin()) {
            throw new Forbidden("only administrators link teams to identity provider groups");
        }
        Team team = new Team(UUID.randomUUID(), request.name(), request.displayName(), request.idpGroup(),
                Instant.now());
        if (!teams.insert(team)) {
            throw new Conflict(teams.byName(request.name()).isPresent()
                    ? "a team named '" + request.name() + "' exists already"
                    : "another team is linked to the group '" + request.idpGroup() + "'");
        }
        teams.putMember(team.id(), caller.userId(), TeamRole.OWNER);
        audit.record(caller, "team.create", AuditLog.Target.team(team));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.name())).body(view(caller, team));
    }

    @GetMapping
    @Operation(operationId = "listTeams", summary = "The teams you belong to (administrators: every team)",
            description = "The teams you belong to, with your role in each; administrators see every team.")
    List<TeamView.Summary> list(Caller caller) {
        List<Team> found = caller.admin() ? teams.all() : teams.of(caller.userId());
        return found.stream().map(team -> new TeamView.Summary(team.id(), team.name(), team.displayName(),
                teams.roleOf(team.id(), caller.userId()).orElse(null))).toList();
    }

    @GetMapping("/{team}")
    @Operation(operationId = "getTeam", summary = "A team and its members (members and administrators)",
            description = "A team with its members and their roles, and its identity provider group if any. Readable "
                    + "by its members and by administrators.")
    TeamView get(Caller caller, @PathVariable String team) {
        Team found = visible(caller, teams.byName(team).orElse(null), team);
        return view(caller, found);
    }

    @PutMapping("/{team}")
    @Transactional
    @Operation(operationId = "updateTeam", summary = "Change a team's display name or identity provider group (owners)",
            description = "Changes a team's display name, or (administrators only) the identity provider group whose "
                    + "members join it. Needs the owner role.")
    TeamView update(Caller caller, @PathVariable String team, @Valid @RequestBody TeamUpdate request) {
        Team found = visible(caller, teams.lockByName(team).orElse(null), team);
        require(caller, found, TeamRole.OWNER, "change the team");
        String idpGroup = request.idpGroup() == null ? found.idpGroup()
                : request.idpGroup().isEmpty() ? null : request.idpGroup();
        if (!Objects.equals(idpGroup, found.idpGroup()) && !caller.admin()) {
            throw new Forbidden("only administrators link teams to identity provider groups");
        }
        try {
            teams.update(found.id(), request.displayName(), idpGroup);
        } catch (DataIntegrityViolationException e) {
            if (DatabaseErrors.violates(e, "teams_idp_group_unique")) {
                throw new Conflict("another team is linked to the group '" + idpGroup + "'");
            }
            throw e;
        }
        audit.record(caller, "team.update", AuditLog.Target.team(found),
                mapOf("displayName", request.displayName(), "idpGroup", idpGroup));
        return view(caller, teams.byName(team).orElseThrow());
    }

    @DeleteMapping("/{team}")
    @Transactional
    @Operation(operationId = "deleteTeam", summary = "Delete a team that owns no labs (owners)",
            description = "Deletes a team with its memberships. A team that still owns labs cannot be deleted (409): "
                    + "delete or hand over its labs first. Needs the owner role.")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String team) {
        Team found = visible(caller, teams.lockByName(team).orElse(null), team);
        require(caller, found, TeamRole.OWNER, "delete the team");
        try {
            teams.delete(found.id());
        } catch (DataIntegrityViolationException e) {
            if (DatabaseErrors.violates(e, "labs_owner_team_id_fkey")) {
                throw new Conflict("team '" + team + "' still owns labs: delete them first");
            }
            throw e;
        }
        audit.record(caller, "team.delete", AuditLog.Target.team(found));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{team}/members/{username}")
    @Transactional
    @Operation(operationId = "putTeamMember", summary = "Add a member or change their role",
            description = "Owners may set any role; maintainers may add and remove plain members.")
    TeamView putMember(Caller caller, @PathVariable String team, @PathVariable String username,
                       @Valid @RequestBody Membership request) {
        Team found = visible(caller, teams.lockByName(team).orElse(null), team);
        TeamRole role = TeamRole.parse(request.role()).orElseThrow();
        User user = users.findByUsername(username)
                .orElseThrow(() -> new NotFound("there is no user named '" + username + "'"));
        TeamRole current = teams.roleOf(found.id(), user.getId()).orElse(null);
        boolean plainMemberOnly = role == TeamRole.MEMBER && (current == null || current == TeamRole.MEMBER);
        require(caller, found, plainMemberOnly ? TeamRole.MAINTAINER : TeamRole.OWNER,
                "give the role " + role.label());
        if (current == TeamRole.OWNER && role != TeamRole.OWNER && teams.owners(found.id()) == 1) {
            throw new Conflict("'" + username + "' is the team's last owner: make someone else owner first");
        }
        teams.putMember(found.id(), user.getId(), role);
        audit.record(caller, "team.member.put", AuditLog.Target.team(found),
                Map.of("user", username, "role", role.label()));
        return view(caller, found);
    }

    @DeleteMapping("/{team}/members/{username}")
    @Transactional
    @Operation(operationId = "removeTeamMember", summary = "Remove a member",
            description = "Owners remove anyone, maintainers plain members, and everyone may leave;"
                    + " the last owner cannot.")
    ResponseEntity<Void> removeMember(Caller caller, @PathVariable String team, @PathVariable String username) {
        Team found = visible(caller, teams.lockByName(team).orElse(null), team);
        User user = users.findByUsername(username).orElse(null);
        TeamRole current = user == null ? null : teams.roleOf(found.id(), user.getId()).orElse(null);
        if (current == null) {
            throw new NotFound("'" + username + "' is not a member of team '" + team + "'");
        }
        if (!user.getId().equals(caller.userId())) {
            require(caller, found, current == TeamRole.MEMBER ? TeamRole.MAINTAINER : TeamRole.OWNER,
                    "remove a " + current.label());
        }
        if (current == TeamRole.OWNER && teams.owners(found.id()) == 1) {
            throw new Conflict("'" + username + "' is the team's last owner: make someone else owner first");
        }
        teams.removeMember(found.id(), user.getId());
        audit.record(caller, "team.member.remove", AuditLog.Target.team(found), Map.of("user", username));
        return ResponseEntity.noContent().build();
    }

    /** Members and administrators see a team; to anyone else it does not exist. */
    private Team visible(Caller caller, Team team, String name) {
        if (team == null || (!caller.admin() && teams.roleOf(team.id(), caller.userId()).isEmpty())) {
            throw new NotFound("there is no team named '" + name + "'");
        }
        return team;
    }

    private void require(Caller caller, Team team, TeamRole needed, String action) {
        if (caller.admin()) {
            return;
        }
        TeamRole role = teams.roleOf(team.id(), caller.userId()).orElseThrow();
        if (role.compareTo(needed) < 0) {
            throw new Forbidden("you are a " + role.label() + " of team '" + team.name() + "'; to " + action
                    + " you must be " + (needed == TeamRole.OWNER ? "an owner" : "a maintainer or owner"));
        }
    }

    private TeamView view(Caller caller, Team team) {
        return TeamView.of(team, teams.roleOf(team.id(), caller.userId()).orElse(null), teams.members(team.id()));
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
