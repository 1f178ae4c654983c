package dev.labforge.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.cluster.TestLabs;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.kubevirt.VirtualMachines;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.simulated.SimulatedCluster;
import dev.labforge.cluster.simulated.SimulatorSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One write per needed change, even when the informer cache lags behind the writes. */
class ObjectSyncTest {

    private static SimulatedCluster cluster;
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.start(SimulatorSettings.immediate());
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("sync")
                .endMetadata().build()).create();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static GenericKubernetesResource nad(String hash) {
        GenericKubernetesResource nad = new GenericKubernetesResource();
        nad.setApiVersion(Multus.API_VERSION);
        nad.setKind("NetworkAttachmentDefinition");
        nad.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("link-1").withNamespace("sync")
                .withAnnotations(Map.of(ClusterLabels.SPEC_HASH, hash)).build());
        nad.setAdditionalProperty("spec", Map.of("config", "{\"hash\":\"" + hash + "\"}"));
        return nad;
    }

    @Test
    void aTeardownThatRunsBeforeTheCacheShowsACreateDeletesItAndWaitsForItToGo() {
        ClusterWrites writes = new ClusterWrites(meters);
        ObjectSync sync = new ObjectSync(cluster.client(), writes);
        GenericKubernetesResource created = nad("early");
        created.getMetadata().setName("link-early");
        sync.syncGeneric(Multus.NAD, "sync", List.of(created), List.of());
        assertThat(writes.creates()).isEqualTo(1);

        // a destroy right after: the cache shows nothing of the lab yet, but the NAD exists
        sync.syncGeneric(Multus.NAD, "sync", List.of(), List.of());
        assertThat(sync.unseenCreatesGone("sync")).isFalse();
        assertThat(writes.deletes()).isEqualTo(1);
        assertThat(cluster.client().genericKubernetesResources(Multus.NAD).inNamespace("sync").withName("link-early")
                .get()).isNull();
        // the API server no longer has it: nothing more is awaited, and nothing is deleted twice
        assertThat(sync.unseenCreatesGone("sync")).isTrue();
        assertThat(sync.unseenCreatesGone("sync")).isTrue();
        assertThat(writes.deletes()).isEqualTo(1);
        assertThat(sync.unseenCreatesGone("elsewhere")).isTrue();
    }

    @Test
    void aCreateThatFindsADifferentObjectTurnsIntoOneUpdate() {
        cluster.client().genericKubernetesResources(Multus.NAD).inNamespace("sync").resource(nad("old")).create();
        ClusterWrites writes = new ClusterWrites(meters);
        ObjectSync sync = new ObjectSync(cluster.client(), writes);

        // the cache has not seen the old object yet: the create answers 409
        sync.syncGeneric(Multus.NAD, "sync", List.of(nad("new")), List.of());
        sync.syncGeneric(Multus.NAD, "sync", List.of(nad("new")), List.of());
        assertThat(writes.creates()).isEqualTo(1);

        // now the cache shows the old object: the one write that is needed is an update
        sync.syncGeneric(Multus.NAD, "sync", List.of(nad("new")), List.of(nad("old")));
        sync.syncGeneric(Multus.NAD, "sync", List.of(nad("new")), List.of(nad("old")));
        assertThat(writes.updates()).isEqualTo(1);
        assertThat(ClusterLabels.specHash(cluster.client().genericKubernetesResources(Multus.NAD)
                .inNamespace("sync").withName("link-1").get())).isEqualTo("new");

        // once the cache catches up, nothing more is written, and an outside change is acted on again
        sync.syncGeneric(Multus.NAD, "sync", List.of(nad("new")), List.of(nad("new")));
        sync.syncGeneric(Multus.NAD, "sync", List.of(nad("new")), List.of(nad("tampered")));
        assertThat(writes.updates()).isEqualTo(2);
        assertThat(writes.total()).isEqualTo(3);
        // the meter tells the create that found the object there from a plain one
        assertThat(written("create", "exists")).isEqualTo(1);
        assertThat(written("create", "ok")).isZero();
        assertThat(written("update", "ok")).isEqualTo(2);
    }

    @Test
    void aRefusedWriteIsCountedByItsAnswerAndNotAsDone() {
        ClusterWrites writes = new ClusterWrites(meters);
        ObjectSync sync = new ObjectSync(cluster.client(), writes);
        GenericKubernetesResource ghost = nad("ghost");
        ghost.getMetadata().setName("link-ghost");
        GenericKubernetesResource stale = nad("stale");
        stale.getMetadata().setName("link-ghost");

        // the cache shows an object the API server no longer has: the update is refused with 404
        assertThatThrownBy(() -> sync.syncGeneric(Multus.NAD, "sync", List.of(ghost), List.of(stale)))
                .isInstanceOf(KubernetesClientException.class);
        assertThat(written("update", "not-found")).isEqualTo(1);
        assertThat(written("update", "ok")).isZero();
        assertThat(writes.total()).isZero();
    }

    /** The writes of NADs the meter counted with {@code verb} and {@code result}. */
    private double written(String verb, String result) {
        var counter = meters.find(ClusterWrites.METER).tags("kind", Multus.NAD.getPlural(), "verb", verb,
                "result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anObjectDeletedBeforeAnyPassSawItIsCreatedAgain() {
        ClusterWrites writes = new ClusterWrites(meters);
        ObjectSync sync = new ObjectSync(cluster.client(), writes);
        GenericKubernetesResource nad = nad("seen");
        nad.getMetadata().setName("link-2");

        sync.syncGeneric(Multus.NAD, "sync", List.of(nad), List.of());
        // the cache has not shown it yet: the create is in flight, not repeated
        sync.syncGeneric(Multus.NAD, "sync", List.of(nad), List.of());
        assertThat(writes.creates()).isEqualTo(1);

        // someone deleted it before any pass saw it; the cache tells of the delete: the next pass creates it again
        cluster.client().genericKubernetesResources(Multus.NAD).inNamespace("sync").withName("link-2").delete();
        sync.gone(Multus.NAD.getPlural(), nad);
        sync.syncGeneric(Multus.NAD, "sync", List.of(nad), List.of());
        assertThat(writes.creates()).isEqualTo(2);
        assertThat(cluster.client().genericKubernetesResources(Multus.NAD).inNamespace("sync").withName("link-2")
                .get()).isNotNull();
    }

    /** The NAD {@code name} as the API server has it now (with its uid), or null. */
    private static GenericKubernetesResource stored(String name) {
        return cluster.client().genericKubernetesResources(Multus.NAD).inNamespace("sync").withName(name).get();
    }

    @Test
    void aDeleteInFlightIsNotRepeatedButANewObjectOfTheSameNameIsDeletedInTurn() {
        ClusterWrites writes = new ClusterWrites(meters);
        ObjectSync sync = new ObjectSync(cluster.client(), writes);
        GenericKubernetesResource nad = nad("first");
        nad.getMetadata().setName("link-3");
        cluster.client().genericKubernetesResources(Multus.NAD).inNamespace("sync").resource(nad).create();
        GenericKubernetesResource first = stored("link-3");

        // a teardown deletes it; the cache still shows it to the next teardown pass: no second delete
        sync.syncGeneric(Multus.NAD, "sync", List.of(), List.of(first));
        sync.syncGeneric(Multus.NAD, "sync", List.of(), List.of(first));
        assertThat(writes.deletes()).isEqualTo(1);

        // the lab is started again before any pass saw the delete: a new object of the same name
        cluster.client().genericKubernetesResources(Multus.NAD).inNamespace("sync").resource(nad).create();
        GenericKubernetesResource second = stored("link-3");
        assertThat(second.getMetadata().getUid()).isNotEqualTo(first.getMetadata().getUid());

        // and destroyed again: the new object is deleted, though a delete of its name is still remembered
        sync.syncGeneric(Multus.NAD, "sync", List.of(), List.of(second));
        assertThat(writes.deletes()).isEqualTo(2);
        assertThat(stored("link-3")).isNull();
    }

    @Test
    void aRunStrategyPatchIsRememberedForTheVmPatchedOnly() {
        ClusterWrites writes = new ClusterWrites(meters);
        ObjectSync sync = new ObjectSync(cluster.client(), writes);
        LabPlan lab = TestLabs.twoRouters();
        GenericKubernetesResource rendered = VirtualMachines.render(lab, lab.nodes().getFirst());
        var vms = cluster.client().genericKubernetesResources(KubeVirt.VM).inNamespace(lab.namespace());
        GenericKubernetesResource first = vms.resource(rendered).create();

        // the cache still shows the VM running: the patch is in flight, not repeated
        sync.patchRunStrategy(lab.namespace(), first, "Halted");
        sync.patchRunStrategy(lab.namespace(), first, "Halted");
        assertThat(writes.patches()).isEqualTo(1);

        // the lab was destroyed and started again before any pass saw the patch: a new VM of the same name
        vms.withName("r1").delete();
        GenericKubernetesResource second = vms.resource(rendered).create();
        assertThat(second.getMetadata().getUid()).isNotEqualTo(first.getMetadata().getUid());
        sync.patchRunStrategy(lab.namespace(), second, "Halted");
        assertThat(writes.patches()).isEqualTo(2);
        assertThat((String) vms.withName("r1").get().get("spec", "runStrategy")).isEqualTo("Halted");
        vms.withName("r1").delete();
    }
}
