package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.LabPlanner;
import dev.labforge.cluster.reconcile.ClusterRuntime;
import dev.labforge.cluster.reconcile.LabActivity;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The API server answering 500, 429 and 409 is retried with backoff until the lab converges. */
class ApiErrorRetryTest extends IntegrationTest {

    @Autowired
    ClusterConnection cluster;
    @Autowired
    ClusterRuntime runtime;

    @Test
    void serverErrorsAndThrottlingAreRetriedUntilTheLabRuns() {
        Catalog.ensure(api());
        ApiClient user = api().newUser();
        String id = user.post("/api/v1/labs", LifecycleApiTest.lab("flaky-api", "", "")).json().get("id").asString();
        String ns = LabPlanner.namespaceOf(UUID.fromString(id));
        var server = cluster.simulated().server();
        String vms = "/apis/" + KubeVirt.VM.getGroup() + "/v1/namespaces/" + ns + "/virtualmachines";
        String nads = "/apis/" + Multus.NAD.getGroup() + "/v1/namespaces/" + ns + "/network-attachment-definitions";
        server.expect().post().withPath(vms).andReturn(500, java.util.Map.of("kind", "Status", "apiVersion", "v1",
                "status", "Failure", "code", 500, "message", "etcd is having a bad day")).times(2);
        server.expect().post().withPath(nads).andReturn(429, java.util.Map.of("kind", "Status", "apiVersion", "v1",
                "status", "Failure", "code", 429, "message", "slow down")).once();

        // this lab's requests only: other labs' requests may meet errors of their own meanwhile
        try (LabActivity activity = LabActivity.of(runtime, cluster, UUID.fromString(id))) {
            assertThat(user.post("/api/v1/labs/" + id + "/start", "").status()).isEqualTo(202);

            Await.until("the lab RUNNING", Duration.ofSeconds(40), Duration.ofMillis(100), () -> {
                var status = user.get("/api/v1/labs/" + id).json().get("status");
                return status != null && "RUNNING".equals(status.get("state").asString());
            }, () -> user.get("/api/v1/labs/" + id).body());
            assertThat(activity.requests().byVerbAndKind())
                    .containsEntry("POST virtualmachines 500", 2L)
                    .containsEntry("POST network-attachment-definitions 429", 1L);
        }
        assertThat(cluster.client().genericKubernetesResources(KubeVirt.VM).inNamespace(ns).list().getItems())
                .hasSize(3);
        assertThat(cluster.client().genericKubernetesResources(Multus.NAD).inNamespace(ns).list().getItems())
                .hasSize(3);
    }
}
