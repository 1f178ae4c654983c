package dev.labforge.cluster.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated API finds the object a write, a read by name or a delete names through an index: it must answer
 * exactly as the mock's scan would, for objects that share a name across kinds, namespaces and scopes, and across deletes and re-creates.
 * The VMs lack the managed-by label, so the simulator leaves them alone.
 */
class IndexedStoreTest {

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

    private static GenericKubernetesResource vm(String namespace, String name, int cores) {
        GenericKubernetesResource vm = Vms.router(namespace, name, "Always");
        vm.getMetadata().getLabels().remove(Kinds.MANAGED_BY);
        vm.getMetadata().getLabels().put("cores", Integer.toString(cores));
        return vm;
    }

    private static GenericKubernetesResource vmi(String namespace, String name) {
        GenericKubernetesResource vmi = new GenericKubernetesResource();
        vmi.setApiVersion(Kinds.KUBEVIRT_API_VERSION);
        vmi.setKind("VirtualMachineInstance");
        vmi.setMetadata(vm(namespace, name, 1).getMetadata());
        return vmi;
    }

    private static String cores(String namespace, String name) {
        return Vms.vms(client, namespace).withName(name).get().getMetadata().getLabels().get("cores");
    }

    @Test
    void objectsSharingANameStayApart() {
        Vms.vms(client, "idx-a").resource(vm("idx-a", "r1", 1)).create();
        Vms.vms(client, "idx-b").resource(vm("idx-b", "r1", 2)).create();
        Vms.vmis(client, "idx-a").resource(vmi("idx-a", "r1")).create();
        client.secrets().inNamespace("idx-a").resource(new SecretBuilder().withNewMetadata().withName("r1")
                .endMetadata().build()).create();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("r1").endMetadata().build())
                .create();

        GenericKubernetesResource b = Vms.vms(client, "idx-b").withName("r1").get();
        b.getMetadata().getLabels().put("cores", "4");
        Vms.vms(client, "idx-b").resource(b).update();

        assertThat(cores("idx-a", "r1")).isEqualTo("1");
        assertThat(cores("idx-b", "r1")).isEqualTo("4");
        assertThat(Vms.vmis(client, "idx-a").withName("r1").get()).isNotNull();
        assertThatThrownBy(() -> Vms.vms(client, "idx-a").resource(vm("idx-a", "r1", 3)).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThatThrownBy(() -> client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("r1")
                .endMetadata().build()).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    }

    @Test
    void aDeletedObjectIsGoneAndCanBeMadeAgain() {
        Vms.vms(client, "idx-c").resource(vm("idx-c", "r1", 1)).create();
        Vms.vmis(client, "idx-c").resource(vmi("idx-c", "r1")).create();
        Vms.vms(client, "idx-c").withName("r1").delete();
        Eventually.await("the VM gone", Duration.ofSeconds(5), () -> Vms.vms(client, "idx-c").withName("r1").get(),
                vm -> vm == null);

        GenericKubernetesResource missing = vm("idx-c", "r1", 5);
        missing.getMetadata().setResourceVersion("1");
        assertThatThrownBy(() -> Vms.vms(client, "idx-c").resource(missing).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        assertThat(Vms.vmis(client, "idx-c").withName("r1").get()).isNotNull();

        Vms.vms(client, "idx-c").resource(vm("idx-c", "r1", 6)).create();
        GenericKubernetesResource again = Vms.vms(client, "idx-c").withName("r1").get();
        again.setAdditionalProperty("status", Map.of("printableStatus", "Stopped"));
        Vms.vms(client, "idx-c").resource(again).updateStatus();

        assertThat(cores("idx-c", "r1")).isEqualTo("6");
        assertThat((String) Vms.vms(client, "idx-c").withName("r1").get().get("status", "printableStatus"))
                .isEqualTo("Stopped");
    }

    @Test
    void aDeleteByNameRemovesThatObjectOnlyAndHonoursFinalizers() {
        assertThat(new IndexedStore().servesByName()).as("the mock's lock found: reads and deletes use the index")
                .isTrue();
        Vms.vms(client, "idx-d").resource(vm("idx-d", "r1", 1)).create();
        Vms.vms(client, "idx-e").resource(vm("idx-e", "r1", 2)).create();
        GenericKubernetesResource held = vm("idx-d", "r2", 3);
        held.getMetadata().setFinalizers(java.util.List.of("example.com/hold"));
        Vms.vms(client, "idx-d").resource(held).create();

        Vms.vms(client, "idx-d").withName("r1").delete();
        assertThat(Vms.vms(client, "idx-d").withName("r1").get()).isNull();
        assertThat(cores("idx-e", "r1")).as("the same name in another namespace stays").isEqualTo("2");
        assertThat(Vms.vms(client, "idx-d").withName("nobody").delete()).isEmpty();

        Vms.vms(client, "idx-d").withName("r2").delete();
        GenericKubernetesResource marked = Vms.vms(client, "idx-d").withName("r2").get();
        assertThat(marked).as("held by its finalizer").isNotNull();
        assertThat(marked.getMetadata().getDeletionTimestamp()).isNotNull();
        marked.getMetadata().setFinalizers(java.util.List.of());
        Vms.vms(client, "idx-d").resource(marked).update();
        Vms.vms(client, "idx-d").withName("r2").delete();
        assertThat(Vms.vms(client, "idx-d").withName("r2").get()).isNull();
    }
}
