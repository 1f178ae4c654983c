package dev.labforge.quota;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.Owner;
import dev.labforge.access.Team;
import dev.labforge.access.Teams;
import dev.labforge.access.UserDirectory;
import dev.labforge.api.Forbidden;
import dev.labforge.api.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "quotas", description = "Limits per user and team on labs, running nodes, vCPUs and memory")
class QuotaController {

    private final Quotas quotas;
    private final QuotaStore store;
    private final UserDirectory users;
    private final Teams teams;
    private final AuditLog audit;

    QuotaController(Quotas quotas, QuotaStore store, UserDirectory users, Teams teams, AuditLog audit) {
        this.quotas = quotas;
        this.store = store;
        this.users = users;
        this.teams = teams;
        this.audit = audit;
    }

    @GetMapping("/api/v1/usage")
    @Operation(operationId = "getUsage", summary = "Your usage and your teams' against their limits",
            description = "What you and each of your teams use against the limits that apply (your own, or the "
                    + "configured defaults): labs, running nodes, vCPUs and memory.")
    List<OwnerUsage> usage(Caller caller) {
        List<OwnerUsage> all = new ArrayList<>();
        all.add(of(Owner.user(caller.userId()), caller.username()));
        for (Team team : teams.of(caller.userId())) {
            all.add(of(Owner.team(team.id()), team.name()));
        }
        return all;
    }

    @GetMapping("/api/v1/quotas/users/{username}")
    @Operation(operationId = "getUserQuota", summary = "A user's limits and usage (the user and administrators)",
            description = "A user's limits (their own or the configured defaults) and current usage. Readable by "
                    + "that user and by administrators.")
    OwnerUsage userQuota(Caller caller, @PathVariable String username) {
        UUID id = userId(caller, username, false);
        return of(Owner.user(id), username);
    }

    @PutMapping("/api/v1/quotas/users/{username}")
    @Transactional
    @Operation(operationId = "putUserQuota", summary = "Set a user's limits (administrators)",
            description = "An absent limit means no limit. Lowering a limit below the usage stops nothing;"
                    + " it refuses further commitments.")
    OwnerUsage putUserQuota(Caller caller, @PathVariable String username, @Valid @RequestBody Limits limits) {
        UUID id = userId(caller, username, true);
        store.put(Owner.user(id), limits);
        audit.record(caller, "quota.set", AuditLog.Target.user(id, username), describe(limits));
        return of(Owner.user(id), username);
    }

    @DeleteMapping("/api/v1/quotas/users/{username}")
    @Transactional
    @Operation(operationId = "resetUserQuota", summary = "Return a user to the configured default limits (administrators)",
            description = "Removes a user's own limits, so that the configured user defaults apply again. "
                    + "Administrators only.")
    ResponseEntity<Void> resetUserQuota(Caller caller, @PathVariable String username) {
        UUID id = userId(caller, username, true);
        store.remove(Owner.user(id));
        audit.record(caller, "quota.reset", AuditLog.Target.user(id, username));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/quotas/teams/{team}")
    @Operation(operationId = "getTeamQuota", summary = "A team's limits and usage (its members and administrators)",
            description = "A team's limits (its own or the configured defaults) and current usage. Readable by its "
                    + "members and by administrators.")
    OwnerUsage teamQuota(Caller caller, @PathVariable String team) {
        Team found = team(caller, team, false);
        return of(Owner.team(found.id()), found.name());
    }

    @PutMapping("/api/v1/quotas/teams/{team}")
    @Transactional
    @Operation(operationId = "putTeamQuota", summary = "Set a team's limits (administrators)",
            description = "Gives a team its own limits; an absent limit means no limit, so `{}` lifts them all. "
                    + "Lowering a limit below the usage stops nothing; it refuses further commitments. "
                    + "Administrators only.")
    OwnerUsage putTeamQuota(Caller caller, @PathVariable String team, @Valid @RequestBody Limits limits) {
        Team found = team(caller, team, true);
        store.put(Owner.team(found.id()), limits);
        audit.record(caller, "quota.set", AuditLog.Target.team(found), describe(limits));
        return of(Owner.team(found.id()), found.name());
    }

    @DeleteMapping("/api/v1/quotas/teams/{team}")
    @Transactional
    @Operation(operationId = "resetTeamQuota", summary = "Return a team to the configured default limits (administrators)",
            description = "Removes a team's own limits, so that the configured team defaults (or else the user "
                    + "defaults) apply again. Administrators only.")
    ResponseEntity<Void> resetTeamQuota(Caller caller, @PathVariable String team) {
        Team found = team(caller, team, true);
        store.remove(Owner.team(found.id()));
        audit.record(caller, "quota.reset", AuditLog.Target.team(found));
        return ResponseEntity.noContent().build();
    }

    private OwnerUsage of(Owner owner, String name) {
        return new OwnerUsage(new OwnerUsage.Subject(owner.kind(), owner.id(), name), quotas.limitsOf(owner),
                quotas.usageOf(owner));
    }

    private UUID userId(Caller caller, String username, boolean change) {
        if (!caller.admin() && (change || !caller.username().equals(username))) {
            if (change) {
                throw new Forbidden("only administrators set quotas");
            }
            throw new NotFound("there is no user named '" + username + "' whose quota you may see");
        }
        return users.idOf(username).orElseThrow(() -> new NotFound("there is no user named '" + username + "'"));
    }

    private Team team(Caller caller, String name, boolean change) {
        Team team = teams.byName(name).orElse(null);
        boolean member = team != null && teams.roleOf(team.id(), caller.userId()).isPresent();
        if (team == null || (!caller.admin() && !member)) {
            throw new NotFound("there is no team named '" + name + "'");
        }
        if (change && !caller.admin()) {
            throw new Forbidden("only administrators set quotas");
        }
        return team;
    }

    private static Map<String, Object> describe(Limits limits) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("labs", limits.labs());
        detail.put("runningNodes", limits.runningNodes());
        detail.put("vcpus", limits.vcpus());
        detail.put("memoryMib", limits.memoryMib());
        return detail;
    }
}
