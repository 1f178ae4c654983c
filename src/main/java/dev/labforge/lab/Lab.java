package dev.labforge.lab;

import dev.labforge.access.Owner;
import dev.labforge.topology.Topology;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A lab definition: who owns it, what it is called, and its topology. */
@Entity
@Table(name = "labs")
class Lab {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "owner_team_id")
    private UUID ownerTeamId;
    private String name;
    private String description;
    @Convert(converter = TopologyJsonConverter.class)
    @JdbcTypeCode(SqlTypes.JSON)
    private Topology topology;
    @Column(name = "node_count")
    private int nodeCount;
    @Column(name = "link_count")
    private int linkCount;
    @Column(name = "segment_count")
    private int segmentCount;
    @Version
    private Long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** What its runs are charged to instead of its owner's quota ("course:<id>"); null: its owner. */
    @Column(name = "charged_to", updatable = false)
    private String chargedTo;

    protected Lab() {
    }

    static Lab define(Owner owner, String name, String description, Topology topology, Clock clock) {
        Lab lab = new Lab();
        lab.id = UUID.randomUUID();
        lab.own(owner);
        lab.redefine(name, description, topology, clock);
        lab.createdAt = lab.updatedAt;
        return lab;
    }

    /**
     * A lab for {@code owner} that is charged to {@code chargedTo} ("course:<id>"): it counts against
     * no owner's quota, and owning it gives no permission (grants do).
     */
    static Lab defineCharged(Owner owner, String name, String description, Topology topology, String chargedTo,
                             Clock clock) {
        Lab lab = define(owner, name, description, topology, clock);
        lab.chargedTo = chargedTo;
        return lab;
    }

    /** What it is charged to instead of its owner ("course:<id>"), or null. */
    String chargedTo() {
        return chargedTo;
    }

    /** Whether it is charged to its owner (counted by their quota), as every lab not made for a course. */
    boolean chargedToOwner() {
        return chargedTo == null;
    }

    /** A lab read straight from its row, for answering reads; never saved back. */
    static Lab restore(UUID id, Owner owner, String name, String description, Topology topology, long version,
                       Instant createdAt, Instant updatedAt) {
        Lab lab = new Lab();
        lab.id = id;
        lab.own(owner);
        lab.name = name;
        lab.description = description;
        lab.topology = topology;
        lab.nodeCount = topology.nodes().size();
        lab.linkCount = topology.links().size();
        lab.segmentCount = topology.segments().size();
        lab.version = version;
        lab.createdAt = createdAt;
        lab.updatedAt = updatedAt;
        return lab;
    }

    /** Replaces the definition. The caller has validated it; the version guards concurrent edits. */
    void redefine(String newName, String newDescription, Topology newTopology, Clock clock) {
        this.name = newName;
        this.description = newDescription;
        this.topology = newTopology;
        this.nodeCount = newTopology.nodes().size();
        this.linkCount = newTopology.links().size();
        this.segmentCount = newTopology.segments().size();
        this.updatedAt = clock.instant();
    }

    /** The lab was written (in plain SQL, not by the ORM) at this version. */
    void stored(long storedVersion) {
        this.version = storedVersion;
    }

    boolean hasVersion(long expected) {
        return version != null && version == expected;
    }

    UUID id() {
        return id;
    }

    Owner owner() {
        return ownerTeamId != null ? Owner.team(ownerTeamId) : Owner.user(ownerId);
    }

    private void own(Owner owner) {
        this.ownerId = owner.kind() == Owner.Kind.USER ? owner.id() : null;
        this.ownerTeamId = owner.kind() == Owner.Kind.TEAM ? owner.id() : null;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    Topology topology() {
        return topology;
    }

    long version() {
        return version == null ? 0 : version;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
