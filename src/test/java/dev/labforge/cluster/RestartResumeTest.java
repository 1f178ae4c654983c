package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.kubevirt.Namespaces;
import dev.labforge.cluster.kubevirt.VirtualMachines;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.LabPlanner;
import dev.labforge.cluster.reconcile.ClusterRuntime;
import dev.labforge.cluster.reconcile.LabActivity;
import dev.labforge.lab.LabDefinitions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A process that died halfway through a deploy left some objects behind; the next one (informers
 * listing afresh, nothing in memory) creates exactly the missing ones: no duplicates, no orphans.
 */
class RestartResumeTest extends IntegrationTest {

    @Autowired
    ClusterConnection cluster;
    @Autowired
    ClusterRuntime runtime;
    @Autowired
    LabPlanner planner;
    @Autowired
    LabDefinitions definitions;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aRestartInTheMiddleOfADeployResumesWithoutDuplicatesOrOrphans() throws Exception {
        Catalog.ensure(api());
        ApiClient user = api().newUser();
        String id = user.post("/api/v1/labs", LifecycleApiTest.lab("half-done", "", "")).json().get("id").asString();
        UUID labId = UUID.fromString(id);
        KubernetesClient k8s = cluster.client();

        String namespaceUid = null;
        runtime.stop();
        try {
            assertThat(user.post("/api/v1/labs/" + id + "/start", "").status()).isEqualTo(202);
            // what the dead process managed to write: the namespace, the first link and the first VM
            LabPlan plan = transaction.execute(tx -> LabObjects.planRunning(planner,
                    definitions.find(labId).orElseThrow()));
            namespaceUid = k8s.namespaces().resource(Namespaces.render(plan)).create().getMetadata().getUid();
            k8s.genericKubernetesResources(Multus.NAD).inNamespace(plan.namespace())
                    .resource(Multus.driver("bridge").render(plan, plan.links().getFirst())).create();
            k8s.genericKubernetesResources(KubeVirt.VM).inNamespace(plan.namespace())
                    .resource(VirtualMachines.render(plan, plan.nodes().getFirst())).create();
        } finally {
            // the start resyncs every lab in the database: only this lab's requests are counted
            try (LabActivity activity = LabActivity.of(runtime, cluster, labId)) {
                runtime.start();
                awaitRunning(user, id);
                // missing: 2 NADs, 3 Secrets, 2 VMs; each created once, nothing else written
                assertThat(activity.requests().byVerbAndKind()).isEqualTo(Map.of(
                        "POST network-attachment-definitions 201", 2L, "POST secrets 201", 3L,
                        "POST virtualmachines 201", 2L));
            }
        }
        String ns = LabPlanner.namespaceOf(labId);
        assertThat(k8s.namespaces().withName(ns).get().getMetadata().getUid()).as("the namespace is the one left")
                .isEqualTo(namespaceUid);
        assertThat(k8s.genericKubernetesResources(KubeVirt.VM).inNamespace(ns).list().getItems()).hasSize(3);
        assertThat(k8s.genericKubernetesResources(Multus.NAD).inNamespace(ns).list().getItems()).hasSize(3);
        assertThat(k8s.secrets().inNamespace(ns).list().getItems()).hasSize(3);
    }

    private static void awaitRunning(ApiClient user, String id) {
        Await.until("the lab RUNNING", Duration.ofSeconds(30), Duration.ofMillis(50), () -> {
            var status = user.get("/api/v1/labs/" + id).json().get("status");
            return status != null && status.get("state").asString().equals("RUNNING");
        }, () -> user.get("/api/v1/labs/" + id).body());
    }
}
