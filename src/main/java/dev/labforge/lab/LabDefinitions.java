package dev.labforge.lab;

import dev.labforge.access.Caller;
import dev.labforge.access.Permission;
import dev.labforge.access.Owner;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The lab module's public face for modules that act on labs (running them, booking them). */
@Component
public class LabDefinitions {

    private final LabAccess access;
    private final JdbcClient jdbc;

    LabDefinitions(LabAccess access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    /** The lab as stored now: one SQL round trip, no ORM session (a classroom's storm reads it a thousand times). */
    public Optional<LabDefinition> find(UUID labId) {
        return access.find(labId).map(LabDefinition::of);
    }

    /**
     * The lab's definition version as committed now; empty when the lab is gone. One indexed row: a check that a
     * definition read a moment ago is still the current one.
     */
    public OptionalLong version(UUID labId) {
        return jdbc.sql("select version from labs where id = ?").param(labId).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * Takes the lab's row lock, shared, for the rest of the caller's transaction: a start takes it before any other
     * lock (its owner's quota lock, its event lock), so that a change of the lab, which holds the row's lock from
     * before it looks at the lab's runtime to its commit, and a start never interleave. Shared: two starts of one lab
     * queue on their quota lock instead.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForStart(UUID labId) {
        jdbc.sql("select id from labs where id = ? for share").param(labId).query(UUID.class).optional();
    }

    /** The ids of every lab the owner has. */
    public List<UUID> idsOwnedBy(Owner owner) {
        String column = owner.kind() == Owner.Kind.USER ? "owner_id" : "owner_team_id";
        return jdbc.sql("select id from labs where " + column + " = ?").param(owner.id()).query(UUID.class).list();
    }

    /** The ids of every lab the owner has that counts against the owner's quota (not charged to a course). */
    public List<UUID> idsChargedTo(Owner owner) {
        String column = owner.kind() == Owner.Kind.USER ? "owner_id" : "owner_team_id";
        return jdbc.sql("select id from labs where " + column + " = ? and charged_to is null").param(owner.id())
                .query(UUID.class).list();
    }

    /** Whether the lab's runs count against its owner's quota; false for a course's lab (and for none). */
    public boolean chargedToOwner(UUID labId) {
        return jdbc.sql("select charged_to is null from labs where id = ?").param(labId).query(Boolean.class)
                .optional().orElse(false);
    }

    /** The caller's permission on the lab: a not-found problem if they have none (or it does not exist). */
    public Permission permission(Caller caller, UUID labId) {
        return access.permission(caller, labId);
    }

    /**
     * The lab if the caller has at least {@code needed} on it: a not-found problem if they cannot see
     * it (no leak of its existence), a forbidden one if they can but not enough.
     */
    @Transactional(readOnly = true)
    public LabDefinition require(Caller caller, UUID labId, Permission needed) {
        return LabDefinition.of(access.read(caller, labId, needed).lab());
    }
}
