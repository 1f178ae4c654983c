package dev.labforge.cluster.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the simulated API does with status, on this fabric8 version: the reconciler relies on each of these.
 * The VMs here lack the managed-by label, so the simulator leaves them alone.
 */
@SuppressWarnings("unchecked")
class SimulatedClusterTest {

    private static final String NS = "status-semantics";

    private static SimulatedCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.start(SimulatorSettings.immediate());
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void registersTheKubeVirtAndMultusCrdsWithKubeVirtsSubresources() {
        Map<String, CustomResourceDefinition> crds = new LinkedHashMap<>();
        client.apiextensions().v1().customResourceDefinitions().list().getItems()
                .forEach(crd -> crds.put(crd.getMetadata().getName(), crd));

        assertThat(crds).containsOnlyKeys("virtualmachines.kubevirt.io", "virtualmachineinstances.kubevirt.io",
                "network-attachment-definitions.k8s.cni.cncf.io");
        assertThat(crds.get("virtualmachines.kubevirt.io").getSpec().getVersions().getFirst().getSubresources()
                .getStatus()).isNotNull();
        // as KubeVirt ships it: a VMI's status is an ordinary field
        assertThat(crds.get("virtualmachineinstances.kubevirt.io").getSpec().getVersions().getFirst()
                .getSubresources()).isNull();
        assertThat(cluster.url()).startsWith("http://localhost:");
    }

    @Test
    void apiDiscoveryKnowsTheRegisteredKinds() {
        // without the CRDs this fails: the generic DSL looks the plural up through discovery
        assertThat(client.genericKubernetesResources("kubevirt.io/v1", "VirtualMachine").inNamespace("empty").list()
                .getItems()).isEmpty();
        assertThat(client.genericKubernetesResources("k8s.cni.cncf.io/v1", "NetworkAttachmentDefinition")
                .inNamespace("empty").list().getItems()).isEmpty();
    }

    @Test
    void createDropsStatus() {
        GenericKubernetesResource vm = unmanaged("create-drops");
        vm.setAdditionalProperty("status", Map.of("printableStatus", "Running"));

        GenericKubernetesResource created = Vms.vms(client, NS).resource(vm).create();

        assertThat(created.getAdditionalProperties()).doesNotContainKey("status");
        assertThat(Vms.vms(client, NS).withName("create-drops").get().getAdditionalProperties())
                .doesNotContainKey("status");
    }

    @Test
    void updateStatusChangesOnlyStatus() {
        GenericKubernetesResource vm = Vms.vms(client, NS).resource(unmanaged("status-only")).create();
        GenericKubernetesResource changed = copy(vm);
        changed.setAdditionalProperty("status", Map.of("printableStatus", "Starting"));
        ((Map<String, Object>) changed.getAdditionalProperties().get("spec")).put("runStrategy", "Halted");

        Vms.vms(client, NS).resource(changed).updateStatus();

        GenericKubernetesResource stored = Vms.vms(client, NS).withName("status-only").get();
        assertThat((String) stored.get("status", "printableStatus")).isEqualTo("Starting");
        assertThat((String) stored.get("spec", "runStrategy")).isEqualTo("Always");
        assertThat(stored.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(stored.getMetadata().getResourceVersion()).isNotEqualTo(vm.getMetadata().getResourceVersion());
    }

    @Test
    void editStatusChangesOnlyStatus() {
        Vms.vms(client, NS).resource(unmanaged("edit-status")).create();

        Vms.vms(client, NS).withName("edit-status").editStatus(vm -> {
            GenericKubernetesResource edited = copy(vm);
            edited.setAdditionalProperty("status", Map.of("printableStatus", "Stopped"));
            return edited;
        });

        assertThat((String) Vms.vms(client, NS).withName("edit-status").get().get("status", "printableStatus"))
                .isEqualTo("Stopped");
    }

    @Test
    void updateAndMergePatchKeepStatus() {
        Vms.vms(client, NS).resource(unmanaged("keeps")).create();
        GenericKubernetesResource withStatus = copy(Vms.vms(client, NS).withName("keeps").get());
        withStatus.setAdditionalProperty("status", Map.of("printableStatus", "Running"));
        Vms.vms(client, NS).resource(withStatus).updateStatus();

        GenericKubernetesResource edited = copy(Vms.vms(client, NS).withName("keeps").get());
        ((Map<String, Object>) edited.getAdditionalProperties().get("spec")).put("runStrategy", "Halted");
        edited.setAdditionalProperty("status", Map.of("printableStatus", "Bogus"));
        Vms.vms(client, NS).resource(edited).update();
        GenericKubernetesResource updated = Vms.vms(client, NS).withName("keeps").get();

        assertThat((String) updated.get("spec", "runStrategy")).isEqualTo("Halted");
        assertThat((String) updated.get("status", "printableStatus")).isEqualTo("Running");
        assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);

        Vms.vms(client, NS).withName("keeps").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"runStrategy\":\"Always\"},\"status\":{\"printableStatus\":\"Bogus\"}}");
        GenericKubernetesResource patched = Vms.vms(client, NS).withName("keeps").get();

        assertThat((String) patched.get("spec", "runStrategy")).isEqualTo("Always");
        assertThat((String) patched.get("status", "printableStatus")).isEqualTo("Running");
        assertThat(patched.getMetadata().getGeneration()).isEqualTo(3L);
    }

    @Test
    void aStaleResourceVersionConflictsOnTheObjectButNotOnItsStatus() {
        GenericKubernetesResource stale = Vms.vms(client, NS).resource(unmanaged("stale")).create();
        Vms.runStrategy(client, NS, "stale", "Halted");

        GenericKubernetesResource staleSpec = copy(stale);
        ((Map<String, Object>) staleSpec.getAdditionalProperties().get("spec")).put("runStrategy", "Manual");
        assertThatThrownBy(() -> Vms.vms(client, NS).resource(staleSpec).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));

        // unlike a real API server, the mock ignores resourceVersion on PUT .../status: no optimistic locking there
        GenericKubernetesResource staleStatus = copy(stale);
        staleStatus.setAdditionalProperty("status", Map.of("printableStatus", "Stopped"));
        Vms.vms(client, NS).resource(staleStatus).updateStatus();
        assertThat((String) Vms.vms(client, NS).withName("stale").get().get("status", "printableStatus"))
                .isEqualTo("Stopped");
    }

    @Test
    void aVmiKeepsTheStatusItIsCreatedWithAsOnKubeVirt() {
        GenericKubernetesResource vmi = VmiRenderer.instanceOf(Vms.vms(client, NS)
                .resource(unmanaged("vmi-status")).create());
        vmi.setAdditionalProperty("status", Map.of("phase", "Running"));

        Vms.vmis(client, NS).resource(vmi).create();

        assertThat((String) Vms.vmis(client, NS).withName("vmi-status").get().get("status", "phase"))
                .isEqualTo("Running");
    }

    @Test
    void doesNotKeepEveryRequestForever() throws InterruptedException {
        Vms.vms(client, NS).list();

        assertThat(cluster.server().getRequestCount()).isPositive();
        assertThat(cluster.server().takeRequest(0, TimeUnit.NANOSECONDS)).isNull();
    }

    private static GenericKubernetesResource unmanaged(String name) {
        GenericKubernetesResource vm = Vms.router(NS, name, "Always");
        vm.getMetadata().getLabels().remove(Kinds.MANAGED_BY);
        return vm;
    }

    private static GenericKubernetesResource copy(GenericKubernetesResource resource) {
        return io.fabric8.kubernetes.client.utils.Serialization.clone(resource);
    }
}
