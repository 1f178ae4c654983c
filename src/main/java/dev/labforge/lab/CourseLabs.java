package dev.labforge.lab;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.Owner;
import dev.labforge.access.Permission;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final List<LabStatusSource> statuses;
    private final Clock clock;

    CourseLabs(LabAccess access, LabController labs, LabGrants grants, AuditLog audit, JdbcClient jdbc,
               List<LabStatusSource> statuses, Clock clock) {
        this.clock = clock;
        this.statuses = statuses;
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
        return labs.insert(caller, Lab.define(owner, freeName(owner, name), description, template.topology(), clock)).id();
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
                "course:" + courseId, clock)).id();
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
     * Each lab's node count, in one query whatever the number of labs: a class view shows a never-started or
     * destroyed lab's size, which no status has (it counts deployed nodes).
     */
    public Map<UUID, Integer> nodeCounts(java.util.Collection<UUID> labIds) {
        Map<UUID, Integer> counts = new java.util.HashMap<>();
        if (labIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select id, node_count from labs where id = any(?)").param(labIds.toArray(UUID[]::new))
                .query((rs, row) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return counts;
    }

    /**
     * Takes the lab's row lock as an edit does, first of all that a reset locks. A reset stops the lab (its event
     * lock) and then redefines it (its row), while a start takes the row, then its owner's and its event lock: with the
     * row taken first, a reset and a start of one lab queue instead of waiting on each other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForReset(UUID labId) {
        access.lockForEdit(labId);
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

    /**
     * Whether a lab may take its template's definition again, from its live state and from whether its definition is
     * the template's already: the course's rule, which the lab module asks at the one moment the answer holds.
     */
    @FunctionalInterface
    public interface ReapplyRule {

        /** @return why the lab is left as it is; empty when it takes the template */
        Optional<String> skipReason(Optional<LabStatus> status, boolean sameAsTemplate);
    }

    /**
     * As {@link #reset}, unless {@code rule} finds a reason not to, asked under the lab's row lock with the lab's
     * status as committed then. A start takes that lock before anything else it locks (see
     * {@link LabDefinitions#lockForStart}), so the lab is either re-applied before a start reads it, and runs the
     * template's definition, or seen started and left alone: a start cannot commit between the look and the change.
     *
     * @return why the lab was left alone; empty when it took the template's definition
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> reapply(Caller caller, UUID labId, UUID templateId, ReapplyRule rule) {
        Lab template = access.find(templateId).orElseThrow(() -> new LabNotFound(templateId));
        Lab lab = access.change(caller, labId, Permission.EDIT).lab();
        Optional<LabStatus> status = statuses.stream().map(source -> source.statusOf(labId))
                .flatMap(Optional::stream).findFirst();
        Optional<String> skip = rule.skipReason(status, lab.topology().equals(template.topology()));
        if (skip.isEmpty()) {
            labs.redefine(caller, lab, lab.name(), lab.description(), template.topology());
        }
        return skip;
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
