package dev.labforge.cluster;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a lab's event log: what was asked, what happened. Append-only. */
@Entity
@Table(name = "lab_events")
class LabEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID labId;
    private Instant at;
    private String kind;
    private String node;
    private String message;

    protected LabEvent() {
    }

    LabEvent(UUID labId, String kind, String node, String message) {
        this.labId = labId;
        this.at = Instant.now();
        this.kind = kind;
        this.node = node;
        this.message = message;
    }

    Long id() {
        return id;
    }

    UUID labId() {
        return labId;
    }

    Instant at() {
        return at;
    }

    String kind() {
        return kind;
    }

    String node() {
        return node;
    }

    String message() {
        return message;
    }
}
