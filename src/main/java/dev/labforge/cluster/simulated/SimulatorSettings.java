package dev.labforge.cluster.simulated;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How the simulated virt-controller behaves.
 *
 * @param provisioningDelay how long a started VM shows {@code Provisioning} before its VMI is created
 * @param bootDelay         from VMI {@code Scheduling} to {@code Running}: half until {@code Scheduled}, half after;
 *                          for an image that never pulls, half until {@code ErrImagePull}, half until
 *                          {@code ImagePullBackOff}
 * @param stopDelay         how long a halted VM shows {@code Stopping} before its VMI is deleted
 * @param imageNeverPulls   containerDisk images for which the pull fails, forever
 * @param nodes             the cluster's Node objects, created when it starts; VMIs are scheduled onto them
 */
public record SimulatorSettings(Duration provisioningDelay, Duration bootDelay, Duration stopDelay,
                                Predicate<String> imageNeverPulls, List<SimulatedNode> nodes) {

    /** Settings with the {@link SimulatedNode#DEFAULT default} node. */
    public SimulatorSettings(Duration provisioningDelay, Duration bootDelay, Duration stopDelay,
                             Predicate<String> imageNeverPulls) {
        this(provisioningDelay, bootDelay, stopDelay, imageNeverPulls, List.of(SimulatedNode.DEFAULT));
    }

    /** Images whose reference contains this fail to pull under both factory settings. */
    public static final String NEVER_PULL_MARKER = "never-pull";

    public SimulatorSettings {
        requireNotNegative(provisioningDelay, "provisioningDelay");
        requireNotNegative(bootDelay, "bootDelay");
        requireNotNegative(stopDelay, "stopDelay");
        Objects.requireNonNull(imageNeverPulls, "imageNeverPulls");
        nodes = nodes == null || nodes.isEmpty() ? List.of(SimulatedNode.DEFAULT) : List.copyOf(nodes);
    }

    /** Delays that look like a small cluster booting small VMs, without making a demo tedious. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1),
                image -> image.contains(NEVER_PULL_MARKER));
    }

    /** No delays: every step happens as soon as the previous one is seen, still one step at a time, in order. */
    public static SimulatorSettings immediate() {
        return new SimulatorSettings(Duration.ZERO, Duration.ZERO, Duration.ZERO,
                image -> image.contains(NEVER_PULL_MARKER));
    }

    public SimulatorSettings withDelays(Duration provisioning, Duration boot, Duration stop) {
        return new SimulatorSettings(provisioning, boot, stop, imageNeverPulls, nodes);
    }

    public SimulatorSettings withImageNeverPulls(Predicate<String> neverPulls) {
        return new SimulatorSettings(provisioningDelay, bootDelay, stopDelay, neverPulls, nodes);
    }

    /** The Node objects a cluster started with these settings gets (none or null: the default node). */
    public SimulatorSettings withNodes(List<SimulatedNode> newNodes) {
        return new SimulatorSettings(provisioningDelay, bootDelay, stopDelay, imageNeverPulls, newNodes);
    }

    /** The first half of the boot delay, spent before {@code Scheduled} (or before the first pull error). */
    Duration schedulingDelay() {
        return bootDelay.dividedBy(2);
    }

    /** The rest of the boot delay, spent before {@code Running} (or before {@code ImagePullBackOff}). */
    Duration startingDelay() {
        return bootDelay.minus(schedulingDelay());
    }

    private static void requireNotNegative(Duration delay, String name) {
        Objects.requireNonNull(delay, name);
        if (delay.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + delay);
        }
    }
}
