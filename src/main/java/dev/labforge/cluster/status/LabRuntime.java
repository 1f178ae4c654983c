package dev.labforge.cluster.status;

import dev.labforge.cluster.plan.DesiredRun;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A lab's desired run state and the status the reconciler last observed. */
@Entity
@Table(name = "lab_runtime")
public class LabRuntime {

    @Id
    @Column(name = "lab_id")
    private UUID labId;
    private String namespace;
    @Enumerated(EnumType.STRING)
    private DesiredRun desired;
    @Enumerated(EnumType.STRING)
    private LabState state;
    @Column(name = "ready_nodes")
    private int readyNodes;
    @Column(name = "total_nodes")
    private int totalNodes;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> reasons;
    @Column(name = "observed_spec")
    private Long observedSpec;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** When {@link #desired} last changed: what the change feed follows. */
    @Column(name = "desired_at")
    private Instant desiredAt;
    @Version
    private Long version;

    protected LabRuntime() {
    }

    /** A lab's first runtime row, wanting {@code desired} from the start (so it is inserted once, not updated). */
    public LabRuntime(UUID labId, String namespace, DesiredRun desired) {
        this.labId = labId;
        this.namespace = namespace;
        this.desired = desired;
        this.state = LabState.DEFINED;
        this.reasons = List.of();
        this.updatedAt = Instant.now();
        this.desiredAt = updatedAt;
    }

    /** @return whether anything changed */
    public boolean want(DesiredRun run) {
        if (desired == run) {
            return false;
        }
        desired = run;
        updatedAt = Instant.now();
        desiredAt = updatedAt;
        return true;
    }

    /** Whether this observation is the one last recorded. */
    boolean shows(LabState newState, int ready, int total, List<String> newReasons, long spec) {
        return state == newState && readyNodes == ready && totalNodes == total && Objects.equals(reasons, newReasons)
                && Objects.equals(observedSpec, spec);
    }

    /** Records an observation; @return whether it differs from the last one. */
    boolean observe(LabState newState, int ready, int total, List<String> newReasons, long spec) {
        if (shows(newState, ready, total, newReasons, spec)) {
            return false;
        }
        state = newState;
        readyNodes = ready;
        totalNodes = total;
        reasons = List.copyOf(newReasons);
        observedSpec = spec;
        updatedAt = Instant.now();
        return true;
    }

    UUID labId() {
        return labId;
    }

    String namespace() {
        return namespace;
    }

    public DesiredRun desired() {
        return desired;
    }

    LabState state() {
        return state;
    }

    int readyNodes() {
        return readyNodes;
    }

    int totalNodes() {
        return totalNodes;
    }

    List<String> reasons() {
        return reasons;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
