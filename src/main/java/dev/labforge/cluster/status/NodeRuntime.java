package dev.labforge.cluster.status;

import dev.labforge.quota.Usage;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** One node's own run wish (a node can be stopped inside a running lab) and its observed state. */
@Entity
@Table(name = "node_runtime")
public class NodeRuntime implements Persistable<NodeRuntime.Key> {

    @Embeddable
    public record Key(@Column(name = "lab_id") UUID labId, @Column(name = "node") String node) implements Serializable {
    }

    @EmbeddedId
    private Key id;
    private boolean running;
    private int vcpus;
    @Column(name = "memory_mib")
    private long memoryMib;
    @Enumerated(EnumType.STRING)
    private NodeState state;
    private String reason;
    private String message;
    @Column(name = "restart_requested_at")
    private Instant restartRequestedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** When {@link #running} or a restart was last asked for: what the change feed follows. */
    @Column(name = "desired_at")
    private Instant desiredAt;
    /** Built here, not read: saving it inserts, without first looking for the row. */
    @Transient
    private boolean fresh;

    protected NodeRuntime() {
    }

    public NodeRuntime(UUID labId, String node, boolean running) {
        this.id = new Key(labId, node);
        this.running = running;
        this.state = NodeState.PENDING;
        this.updatedAt = Instant.now();
        this.desiredAt = updatedAt;
        this.fresh = true;
    }

    @Override
    public Key getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public String node() {
        return id.node();
    }

    public boolean running() {
        return running;
    }

    public void run(boolean shouldRun) {
        running = shouldRun;
        updatedAt = Instant.now();
        desiredAt = updatedAt;
    }

    /** Records what the node holds while it runs, for quotas. */
    public void holds(int newVcpus, long newMemoryMib) {
        vcpus = newVcpus;
        memoryMib = newMemoryMib;
    }

    /** What the node holds now: nothing unless it should run. */
    public Usage held() {
        return running ? Usage.nodes(1, vcpus, memoryMib) : Usage.NONE;
    }

    public void requestRestart() {
        restartRequestedAt = Instant.now();
        updatedAt = restartRequestedAt;
        desiredAt = restartRequestedAt;
    }

    Instant restartRequestedAt() {
        return restartRequestedAt;
    }

    void restartDone() {
        restartRequestedAt = null;
    }

    /** Whether this observation is the one last recorded. */
    boolean shows(NodeState newState, String newReason, String newMessage) {
        return state == newState && Objects.equals(reason, newReason) && Objects.equals(message, newMessage);
    }

    /** @return whether anything changed */
    boolean observe(NodeState newState, String newReason, String newMessage) {
        if (shows(newState, newReason, newMessage)) {
            return false;
        }
        state = newState;
        reason = newReason;
        message = newMessage;
        updatedAt = Instant.now();
        return true;
    }

    NodeState state() {
        return state;
    }

    String reason() {
        return reason;
    }

    String message() {
        return message;
    }
}
