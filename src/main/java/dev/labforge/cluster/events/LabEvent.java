package dev.labforge.cluster.events;

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
public class LabEvent {

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

    public Long id() {
        return id;
    }

    public UUID labId() {
        return labId;
    }

    public Instant at() {
        return at;
    }

    public String kind() {
        return kind;
    }

    public String node() {
        return node;
    }

    public String message() {
        return message;
    }
}
