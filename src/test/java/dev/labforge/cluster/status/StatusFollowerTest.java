package dev.labforge.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.plan.DesiredRun;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.LabPlanner;
import dev.labforge.cluster.plan.NodePlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The status follower records what the cached VMs say, a batch at a time, and leaves to passes what it cannot. */
class StatusFollowerTest {

    private final UUID lab = UUID.randomUUID();
    private final Map<UUID, List<GenericKubernetesResource>> cluster = new ConcurrentHashMap<>();
    private final FakeRows rows = new FakeRows();
    private final StatusLocks locks = new StatusLocks();
    private final Set<UUID> fullPasses = ConcurrentHashMap.newKeySet();
    private final Set<UUID> settled = ConcurrentHashMap.newKeySet();
    private final Set<UUID> recorded = ConcurrentHashMap.newKeySet();
    private final PlannedNodes planned = new PlannedNodes();
    private final StatusFollower follower = new StatusFollower(id -> cluster.getOrDefault(id, List.of()), rows,
            planned, locks, fullPasses::add, settled::add, recorded::add);

    @AfterEach
    void close() {
        follower.close();
    }

    private static GenericKubernetesResource vm(String name, String printableStatus, boolean ready) {
        GenericKubernetesResource vm = new GenericKubernetesResource();
        vm.setMetadata(new ObjectMetaBuilder().withName(name).build());
        vm.setAdditionalProperty("status", Map.of("printableStatus", printableStatus, "ready", ready));
        return vm;
    }

    private static StatusRows.Node node(boolean running, NodeState state) {
        return new StatusRows.Node(running, NodeObservation.of(state), false);
    }

    private static StatusRows.Lab labRow(UUID id, DesiredRun desired, LabState state, int ready, int total,
                                         Map<String, StatusRows.Node> nodes) {
        return new StatusRows.Lab(id, desired, state, ready, total, List.of(), 1L, new LinkedHashMap<>(nodes));
    }

    private void plan(String... nodes) {
        List<NodePlan> plans = new ArrayList<>();
        for (String node : nodes) {
            plans.add(new NodePlan(node, node + "-vm", "disk", "virtio", dev.labforge.image.ConfigDelivery.NOCLOUD, 1, 512, null, true,
                    List.of(), null));
        }
        planned.remember(new LabPlan(lab, "lab", LabPlanner.namespaceOf(lab), 1, plans, List.of()));
    }

    private PlannedNodes.Plan planOf(String... nodes) {
        return new PlannedNodes.Plan(1, java.util.Arrays.stream(nodes).map(n -> new PlannedNodes.Node(n, n + "-vm"))
                .toList());
    }

    @Test
    void recordsChangedNodesAndTheLabAggregateInOneBatch() {
        plan("r1", "r2");
        rows.put(labRow(lab, DesiredRun.RUNNING, LabState.DEPLOYING, 0, 2,
                Map.of("r1", node(true, NodeState.STARTING), "r2", node(true, NodeState.STARTING))));
        cluster.put(lab, List.of(vm("r1-vm", "Running", true), vm("r2-vm", "Running", true)));

        follower.changed(lab);
        await(() -> rows.written.size() == 1);

        StatusRows.Change change = rows.written.getFirst();
        assertThat(change.nodes()).containsOnlyKeys("r1", "r2").containsValue(NodeObservation.of(NodeState.READY));
        assertThat(change.lab().state()).isEqualTo(LabState.RUNNING);
        assertThat(change.lab().ready()).isEqualTo(2);
        assertThat(fullPasses).isEmpty();
        assertThat(locks.tryLock(lab)).as("unlocked after the batch").isTrue();
        await(() -> settled.contains(lab)); // every node READY: the lab's recheck can go
    }

    @Test
    void tellsHowLongEachLabsChangeWaitedForItsCommit() {
        List<Long> lags = new CopyOnWriteArrayList<>();
        plan("r1");
        rows.put(labRow(lab, DesiredRun.RUNNING, LabState.DEPLOYING, 0, 1, Map.of("r1", node(true,
                NodeState.STARTING))));
        cluster.put(lab, List.of(vm("r1-vm", "Running", true)));
        try (StatusFollower timed = new StatusFollower(id -> cluster.getOrDefault(id, List.of()), rows, planned,
                locks, fullPasses::add, settled::add, recorded::add, lags::add)) {
            long before = System.nanoTime();
            timed.changed(lab);
            timed.changed(lab); // a second change while the first waits: still timed from the first
            await(() -> rows.written.size() == 1 && !lags.isEmpty());
            long elapsed = System.nanoTime() - before;

            assertThat(lags).hasSize(1);
            assertThat(lags.getFirst()).isPositive().isLessThanOrEqualTo(elapsed);
            assertThat(timed.pending()).isZero();
        }
    }

    @Test
    void aLabStillBootingIsNotReportedSettled() {
        plan("r1", "r2");
        rows.put(labRow(lab, DesiredRun.RUNNING, LabState.DEPLOYING, 0, 2,
                Map.of("r1", node(true, NodeState.STARTING), "r2", node(true, NodeState.STARTING))));
        cluster.put(lab, List.of(vm("r1-vm", "Running", true), vm("r2-vm", "Starting", false)));

        follower.changed(lab);
        await(() -> follower.batches() >= 1);
        assertThat(rows.written.getFirst().lab().state()).isEqualTo(LabState.DEPLOYING);
        assertThat(settled).isEmpty();
    }

    @Test
    void aLabNoPassHasPlannedGetsAFullPass() {
        rows.put(labRow(lab, DesiredRun.RUNNING, LabState.DEPLOYING, 0, 1, Map.of("r1", node(true,
                NodeState.STARTING))));
        follower.changed(lab);
        await(() -> fullPasses.contains(lab));
        assertThat(rows.written).isEmpty();
    }

    @Test
    void aPlannedNodeWithoutItsRowIsRecordedAsNotRunning() {
        plan("r1", "r2"); // r2 was added while the lab was stopped: no commitment made it run
        rows.put(labRow(lab, DesiredRun.RUNNING, LabState.RUNNING, 1, 1, Map.of("r1", node(true, NodeState.READY))));
        cluster.put(lab, List.of(vm("r1-vm", "Running", true)));
        follower.changed(lab);
        await(() -> rows.written.size() == 1);
        assertThat(rows.written.getFirst().nodes()).isEqualTo(Map.of("r2", NodeObservation.of(NodeState.STOPPED)));
        assertThat(rows.written.getFirst().lab()).as("r2 counts for nothing: the lab is as recorded").isNull();
        assertThat(fullPasses).isEmpty();
        await(() -> recorded.contains(lab)); // told after the batch, which the write above is part of
    }

    @Test
    void aLabWhoseTeardownAPassIsRecordingIsFollowedRightAfter() throws InterruptedException {
        plan("r1");
        rows.put(labRow(lab, DesiredRun.RUNNING, LabState.DEPLOYING, 0, 1, Map.of("r1", node(true,
                NodeState.BOOTING))));
        cluster.put(lab, List.of(vm("r1-vm", "Running", true)));
        locks.lock(lab); // a pass is recording a teardown's status
        follower.changed(lab);
        Thread.sleep(StatusFollower.GATHER.toMillis() * 8);
        assertThat(rows.written).isEmpty();

        locks.unlock(lab);
        await(() -> rows.written.size() == 1);
        assertThat(rows.written.getFirst().lab().state()).isEqualTo(LabState.RUNNING);
    }

    @Test
    void aLabBeingTornDownIsLeftToItsPass() throws InterruptedException {
        plan("r1");
        rows.put(labRow(lab, DesiredRun.DESTROYED, LabState.DESTROYING, 0, 0, Map.of("r1", node(true,
                NodeState.READY))));
        follower.changed(lab);
        await(() -> follower.batches() >= 1);
        assertThat(rows.written).isEmpty();
        assertThat(fullPasses).isEmpty();
        assertThat(settled).isEmpty();
        assertThat(recorded).as("a batch that wrote nothing of the lab").isEmpty();
    }

    @Test
    void observeReportsNothingWhenTheRowsShowWhatTheVmsSay() {
        StatusRows.Lab row = labRow(lab, DesiredRun.RUNNING, LabState.RUNNING, 1, 1, Map.of("r1", node(true,
                NodeState.READY)));
        Map<String, GenericKubernetesResource> vms = Map.of("r1-vm", vm("r1-vm", "Running", true));
        assertThat(StatusFollower.observe(row, planOf("r1"), vms::get).change()).isNull();
    }

    @Test
    void observeTakesTheRunWishFromTheRowsAndTheLab() {
        // r2's row says it should not run: its Running VM is STOPPING, and it counts for nothing in the lab
        StatusRows.Lab row = labRow(lab, DesiredRun.RUNNING, LabState.DEPLOYING, 0, 1, Map.of(
                "r1", node(true, NodeState.BOOTING), "r2", node(false, NodeState.READY)));
        Map<String, GenericKubernetesResource> vms = Map.of("r1-vm", vm("r1-vm", "Running", true),
                "r2-vm", vm("r2-vm", "Running", true));
        StatusRows.Change change = StatusFollower.observe(row, planOf("r1", "r2"), vms::get).change();
        assertThat(change.nodes()).isEqualTo(Map.of("r1", NodeObservation.of(NodeState.READY),
                "r2", NodeObservation.of(NodeState.STOPPING)));
        assertThat(change.lab().state()).isEqualTo(LabState.DEPLOYING);
        assertThat(change.lab().total()).isEqualTo(1);

        // a stopped lab: nothing should run, a VM gone is STOPPED
        StatusRows.Lab stopped = labRow(lab, DesiredRun.STOPPED, LabState.STOPPING, 0, 0, Map.of(
                "r1", node(true, NodeState.STOPPING)));
        StatusRows.Change halted = StatusFollower.observe(stopped, planOf("r1"), name -> null).change();
        assertThat(halted.nodes()).isEqualTo(Map.of("r1", NodeObservation.of(NodeState.STOPPED)));
        assertThat(halted.lab().state()).isEqualTo(LabState.STOPPED);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 5 s").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final class FakeRows implements StatusFollower.Rows {
        final Map<UUID, StatusRows.Lab> labs = new ConcurrentHashMap<>();
        final List<StatusRows.Change> written = new CopyOnWriteArrayList<>();

        void put(StatusRows.Lab lab) {
            labs.put(lab.id(), lab);
        }

        @Override
        public Map<UUID, StatusRows.Lab> load(Collection<UUID> ids) {
            Map<UUID, StatusRows.Lab> found = new HashMap<>();
            ids.forEach(id -> {
                if (labs.containsKey(id)) {
                    found.put(id, labs.get(id));
                }
            });
            return found;
        }

        @Override
        public void write(List<StatusRows.Change> changes) {
            written.addAll(changes);
        }
    }

}
