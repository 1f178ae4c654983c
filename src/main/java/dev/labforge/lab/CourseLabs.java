package dev.labforge.lab;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.Owner;
import dev.labforge.access.Permission;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab module's public face for handing out copies of a lab, as a course does for its students:
 * a new lab from another's current definition, and single-user grants on it. Quotas, the audit log
 * and the lab-changed event apply exactly as for a lab created over the API.
 */
@Component
public class CourseLabs {

    private final LabAccess access;
    private final LabController labs;
    private final LabGrants grants;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    CourseLabs(LabAccess access, LabController labs, LabGrants grants, AuditLog audit, JdbcClient jdbc) {
        this.access = access;
        this.labs = labs;
        this.grants = grants;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * A new lab for {@code owner} with the template's definition as stored now; later edits of the
     * template do not reach it. If the owner has a lab of that name already (a student who left and
     * came back), the copy is named {@code name-2}, {@code name-3} and so on; keep {@code name} to 60
     * characters.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID copy(Caller caller, UUID templateId, Owner owner, String name, String description) {
        Lab template = access.find(templateId).orElseThrow(() -> new LabNotFound(templateId));
        return labs.insert(caller, Lab.define(owner, freeName(owner, name), description, template.topology())).id();
    }

    /**
     * A new lab for the student {@code owner}, charged to the course {@code courseId}: it counts against
     * no one's quota (its runs take the course pool's capacity through bookings), and owning it gives
     * the student nothing by itself; what they may do is the grant the course gives them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID copyForCourse(Caller caller, UUID templateId, UUID courseId, UUID studentId, String name,
                              String description) {
        Lab template = access.find(templateId).orElseThrow(() -> new LabNotFound(templateId));
        Owner owner = Owner.user(studentId);
        return labs.insert(caller, Lab.defineCharged(owner, freeName(owner, name), description, template.topology(),
                "course:" + courseId)).id();
    }

    private String freeName(Owner owner, String name) {
        String column = owner.kind() == Owner.Kind.USER ? "owner_id" : "owner_team_id";
        java.util.Set<String> taken = new java.util.HashSet<>(jdbc.sql("select name from labs where " + column
                        + " = ? and (name = ? or starts_with(name, ?))")
                .params(owner.id(), name, name + "-").query(String.class).list());
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }

    /**
     * Makes the lab's definition the template's as stored now (its name and description stay): a
     * student's lab back to where the course starts. Edit guards apply as for any change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reset(Caller caller, UUID labId, UUID templateId) {
        Lab template = access.find(templateId).orElseThrow(() -> new LabNotFound(templateId));
        Lab lab = access.change(caller, labId, Permission.EDIT).lab(); // under the row's lock, as any edit
        labs.redefine(caller, lab, lab.name(), lab.description(), template.topology());
    }

    /** Gives the user exactly {@code level} on the lab by a grant of their own. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void grant(Caller caller, UUID labId, UUID userId, String username, Permission level) {
        grants.grant(labId, userId, level);
        audit.record(caller, "lab.access.grant", new AuditLog.Target("lab", labId.toString(), null),
                Map.of("user", username, "level", level.label()));
    }

    /** Takes the user's own grant on the lab back. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revoke(Caller caller, UUID labId, UUID userId, String username) {
        grants.revoke(labId, userId);
        audit.record(caller, "lab.access.revoke", new AuditLog.Target("lab", labId.toString(), null),
                Map.of("user", username));
    }
}
