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
 * @param bootSpread        each VM boots for {@code bootDelay} plus up to this much more, its share drawn from its
 *                          namespace and name with {@code bootSeed}: real VMs do not all take the same time, and one
 *                          VM takes the same time on every look (a resync or restart of the simulator)
 * @param bootSeed          the seed of those draws
 */
public record SimulatorSettings(Duration provisioningDelay, Duration bootDelay, Duration stopDelay,
                                Predicate<String> imageNeverPulls, List<SimulatedNode> nodes,
                                Duration bootSpread, long bootSeed) {

    /** Settings with the {@link SimulatedNode#DEFAULT default} node, every VM booting for exactly {@code bootDelay}. */
    public SimulatorSettings(Duration provisioningDelay, Duration bootDelay, Duration stopDelay,
                             Predicate<String> imageNeverPulls) {
        this(provisioningDelay, bootDelay, stopDelay, imageNeverPulls, List.of(SimulatedNode.DEFAULT), Duration.ZERO, 0);
    }

    /** Images whose reference contains this fail to pull under both factory settings. */
    public static final String NEVER_PULL_MARKER = "never-pull";

    public SimulatorSettings {
        requireNotNegative(provisioningDelay, "provisioningDelay");
        requireNotNegative(bootDelay, "bootDelay");
        requireNotNegative(stopDelay, "stopDelay");
        Objects.requireNonNull(imageNeverPulls, "imageNeverPulls");
        nodes = nodes == null || nodes.isEmpty() ? List.of(SimulatedNode.DEFAULT) : List.copyOf(nodes);
        requireNotNegative(bootSpread, "bootSpread");
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
        return new SimulatorSettings(provisioning, boot, stop, imageNeverPulls, nodes, bootSpread, bootSeed);
    }

    public SimulatorSettings withImageNeverPulls(Predicate<String> neverPulls) {
        return new SimulatorSettings(provisioningDelay, bootDelay, stopDelay, neverPulls, nodes, bootSpread, bootSeed);
    }

    /** The Node objects a cluster started with these settings gets (none or null: the default node). */
    public SimulatorSettings withNodes(List<SimulatedNode> newNodes) {
        return new SimulatorSettings(provisioningDelay, bootDelay, stopDelay, imageNeverPulls, newNodes, bootSpread,
                bootSeed);
    }

    /** Boots of {@code bootDelay} to {@code bootDelay + spread}, uniformly spread over the VMs by {@code seed}. */
    public SimulatorSettings withBootSpread(Duration spread, long seed) {
        return new SimulatorSettings(provisioningDelay, bootDelay, stopDelay, imageNeverPulls, nodes, spread, seed);
    }

    /** How long the VM of this namespace and name boots, from {@code Scheduling} to {@code Running}. */
    public Duration bootDelayOf(String namespace, String name) {
        if (bootSpread.isZero()) {
            return bootDelay;
        }
        // SplittableRandom's mixing of the seed and the name: uniform, and the same for the same VM every time
        long bits = new java.util.SplittableRandom(bootSeed ^ (namespace + "/" + name).hashCode() * 0x9E3779B97F4A7C15L)
                .nextLong();
        double share = (bits >>> 11) * 0x1.0p-53;
        return bootDelay.plusNanos((long) (bootSpread.toNanos() * share));
    }

    /** The first half of the VM's boot delay, spent before {@code Scheduled} (or before the first pull error). */
    Duration schedulingDelay(String namespace, String name) {
        return bootDelayOf(namespace, name).dividedBy(2);
    }

    /** The rest of the VM's boot delay, spent before {@code Running} (or before {@code ImagePullBackOff}). */
    Duration startingDelay(String namespace, String name) {
        Duration boot = bootDelayOf(namespace, name);
        return boot.minus(boot.dividedBy(2));
    }

    private static void requireNotNegative(Duration delay, String name) {
        Objects.requireNonNull(delay, name);
        if (delay.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + delay);
        }
    }
}
