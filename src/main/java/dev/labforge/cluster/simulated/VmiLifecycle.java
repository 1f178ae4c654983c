package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The next phase of a VMI, as virt-controller (Pending to Scheduled) and virt-handler (Scheduled to Running) would
 * move it, and how long after the previous step that happens.
 */
final class VmiLifecycle {

    /** The simulated cluster's default node; a single node also means every link is node-local. */
    static final String NODE_NAME = SimulatedNode.DEFAULT.name();

    private static final Condition NOT_SCHEDULED =
            Condition.isFalse("Ready", "PodNotExists", "virt-launcher pod has not yet been scheduled");

    /** The PodScheduled reason kube-scheduler gives a pod no node can take. */
    static final String UNSCHEDULABLE = "Unschedulable";

    record Transition(VmiStatus status, Duration delay) {
    }

    private VmiLifecycle() {
    }

    static Optional<Transition> next(GenericKubernetesResource vmi, SimulatorSettings settings) {
        return next(vmi, settings, Placement.Scheduler.ANYWHERE);
    }

    static Optional<Transition> next(GenericKubernetesResource vmi, SimulatorSettings settings,
                                     Placement.Scheduler scheduler) {
        VmiStatus current = VmiStatus.of(vmi);
        String phase = current.phase() == null ? "" : current.phase();
        return switch (phase) {
            case "" -> Optional.of(new Transition(waiting("Pending"), Duration.ZERO));
            case "Pending" -> Optional.of(new Transition(waiting("Scheduling"), Duration.ZERO));
            case "Scheduling" -> fromScheduling(vmi, current, settings, scheduler);
            case "Scheduled" -> Optional.of(new Transition(running(vmi, current.nodeName()),
                    settings.startingDelay(namespace(vmi), name(vmi))));
            default -> Optional.empty();
        };
    }

    private static Optional<Transition> fromScheduling(GenericKubernetesResource vmi, VmiStatus current,
                                                       SimulatorSettings settings, Placement.Scheduler scheduler) {
        Placement placement = scheduler.place(vmi);
        if (placement.node() == null) {
            // as KubeVirt shows a virt-launcher pod the scheduler cannot place; retried when room is freed
            return Optional.of(new Transition(unschedulable(placement.unschedulable()), settings.schedulingDelay(namespace(vmi), name(vmi))));
        }
        Optional<String> unpullable = VmiRenderer.containerDiskImages(vmi).stream()
                .filter(settings.imageNeverPulls())
                .findFirst();
        if (unpullable.isEmpty()) {
            return Optional.of(new Transition(scheduled(placement.node()),
                    settings.schedulingDelay(namespace(vmi), name(vmi))));
        }
        String image = unpullable.get();
        String reason = current.condition("Synchronized").map(Condition::reason).orElse(null);
        if (reason == null) {
            return Optional.of(new Transition(pullFailing("ErrImagePull", "Failed to pull image \"" + image
                    + "\": not found (simulated cluster: this image never pulls)"),
                    settings.schedulingDelay(namespace(vmi), name(vmi))));
        }
        if (reason.equals("ErrImagePull")) {
            // the kubelet backs off and keeps retrying; in the simulator the retries never succeed
            return Optional.of(new Transition(pullFailing("ImagePullBackOff", "Back-off pulling image \"" + image
                    + "\""), settings.startingDelay(namespace(vmi), name(vmi))));
        }
        return Optional.empty();
    }

    private static String namespace(GenericKubernetesResource vmi) {
        return vmi.getMetadata().getNamespace();
    }

    private static String name(GenericKubernetesResource vmi) {
        return vmi.getMetadata().getName();
    }

    private static VmiStatus waiting(String phase) {
        return new VmiStatus(phase, null, List.of(NOT_SCHEDULED), List.of());
    }

    private static VmiStatus pullFailing(String reason, String message) {
        return new VmiStatus("Scheduling", null,
                List.of(NOT_SCHEDULED, Condition.isFalse("Synchronized", reason, message)), List.of());
    }

    /** KubeVirt's VMI for a pod the scheduler cannot place: still Scheduling, PodScheduled False, Unschedulable. */
    static VmiStatus unschedulable(String message) {
        return new VmiStatus("Scheduling", null,
                List.of(NOT_SCHEDULED, Condition.isFalse("PodScheduled", UNSCHEDULABLE, message)), List.of());
    }

    private static VmiStatus scheduled(String node) {
        return new VmiStatus("Scheduled", node, List.of(
                Condition.isFalse("Ready", "GuestNotRunning", "Guest VM is not reported as running"),
                Condition.isTrue("PodScheduled")), List.of());
    }

    private static VmiStatus running(GenericKubernetesResource vmi, String node) {
        return new VmiStatus("Running", node == null ? NODE_NAME : node,
                List.of(Condition.isTrue("Ready"), Condition.isTrue("PodScheduled")), VmiRenderer.nics(vmi));
    }
}
