package dev.labforge.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.Permission;
import dev.labforge.access.Team;
import dev.labforge.access.Teams;
import dev.labforge.access.UserDirectory;
import dev.labforge.api.InvalidField;
import dev.labforge.api.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Per-lab sharing: grant users and teams view, operate, edit or admin. */
@RestController
@RequestMapping("/api/v1/labs/{id}/access")
@Tag(name = "sharing", description = "Who besides the owner may see, run, change and share a lab")
class SharingController {

    static final int MAX_GRANTS = 200;

    @Schema(name = "Grant", description = "a level for one user or one team: give exactly one of user and team")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GrantDocument(@Schema(example = "bob") String user, @Schema(example = "netops") String team,
                         @Schema(description = "view, operate, edit or admin; each includes the ones before",
                                 example = "operate") String level,
                         @Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant grantedAt) {
    }

    @Schema(name = "LabAccessRequest")
    record AccessRequest(@NotNull @Size(max = MAX_GRANTS) List<@NotNull GrantDocument> grants) {
    }

    @Schema(name = "LabAccess")
    record AccessView(LabView.OwnerView owner, Permission yourPermission, List<GrantDocument> grants) {
    }

    private final LabAccess access;
    private final LabGrants grants;
    private final Owners owners;
    private final UserDirectory users;
    private final Teams teams;
    private final AuditLog audit;

    SharingController(LabAccess access, LabGrants grants, Owners owners, UserDirectory users, Teams teams,
                      AuditLog audit) {
        this.access = access;
        this.grants = grants;
        this.owners = owners;
        this.users = users;
        this.teams = teams;
        this.audit = audit;
    }

    @GetMapping
    @Operation(operationId = "getLabAccess", summary = "Who may do what with the lab (lab admins)",
            description = "The grants of the lab: which users and teams may view, operate, edit or administer it "
                    + "besides its owner. Needs the admin permission on the lab.")
    AccessView get(Caller caller, @PathVariable UUID id) {
        LabAccess.Granted granted = access.read(caller, id, Permission.ADMIN);
        return view(granted);
    }

    @PutMapping
    @Transactional
    @Operation(operationId = "putLabAccess", summary = "Replace the lab's grants (lab admins)",
            description = "The list replaces every grant. Team grants reach every member of the team.")
    AccessView put(Caller caller, @PathVariable UUID id, @Valid @RequestBody AccessRequest request) {
        // lock first: a replacement that waited for another must see the permission that one left
        grants.lock(id);
        LabAccess.Granted granted = access.read(caller, id, Permission.ADMIN);
        List<LabGrants.Grant> resolved = resolve(request.grants());
        grants.replace(id, resolved);
        audit.record(caller, "lab.access.update", AuditLog.Target.lab(id, granted.lab().name()),
                Map.of("grants", request.grants().stream().map(g -> (g.user() != null ? "user:" + g.user()
                        : "team:" + g.team()) + "=" + g.level()).toList()));
        return view(new LabAccess.Granted(granted.lab(), access.permission(caller, id)));
    }

    private List<LabGrants.Grant> resolve(List<GrantDocument> documents) {
        List<InvalidField> errors = new ArrayList<>();
        List<LabGrants.Grant> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            GrantDocument document = documents.get(i);
            String at = "/grants/" + i;
            Permission level = document.level() == null ? null : Permission.parse(document.level()).orElse(null);
            if (level == null) {
                errors.add(InvalidField.at(at + "/level", "one of view, operate, edit, admin"));
            }
            if ((document.user() == null) == (document.team() == null)) {
                errors.add(InvalidField.at(at, "give exactly one of user and team"));
                continue;
            }
            UUID userId = null;
            UUID teamId = null;
            if (document.user() != null) {
                userId = users.idOf(document.user()).orElse(null);
                if (userId == null) {
                    errors.add(InvalidField.at(at + "/user", "there is no user named '" + shorten(document.user())
                            + "'"));
                }
            } else {
                teamId = teams.byName(document.team()).map(Team::id).orElse(null);
                if (teamId == null) {
                    errors.add(InvalidField.at(at + "/team", "there is no team named '" + shorten(document.team())
                            + "'"));
                }
            }
            String key = document.user() != null ? "user:" + document.user() : "team:" + document.team();
            if (!seen.add(key)) {
                errors.add(InvalidField.at(at, "a second grant for " + key.replace(':', ' ')
                        + ": give each user or team one level"));
            }
            resolved.add(new LabGrants.Grant(userId, document.user(), teamId, document.team(), level, null));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return resolved;
    }

    private static String shorten(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }

    private AccessView view(LabAccess.Granted granted) {
        List<GrantDocument> current = grants.of(granted.lab().id()).stream()
                .map(g -> new GrantDocument(g.username(), g.teamName(), g.level().label(), g.grantedAt())).toList();
        return new AccessView(owners.view(granted.lab().owner()), granted.permission(), current);
    }
}
