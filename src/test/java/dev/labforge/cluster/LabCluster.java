package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.LabPlanner;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * A test's view of its own labs: created over REST as a line of routers, read back over REST (status) and from the
 * API server (objects), and compared with what the last request asked for.
 */
public final class LabCluster {

    /** Generous: convergence takes a second or two; the machine may be busy with other work. */
    public static final java.time.Duration CONVERGENCE = java.time.Duration.ofSeconds(60);

    /**
     * What a lab should converge to.
     *
     * @param labState  its state over REST; null when the lab is deleted
     * @param nodes     each node's state over REST (running ones READY, the others STOPPED); empty when nothing is
     *                  deployed
     * @param deployed  whether its objects should exist; when not, none may
     */
    record Expected(String labState, Map<String, String> nodes, boolean deployed) {

        static Expected destroyed() {
            return new Expected("DEFINED", Map.of(), false);
        }

        static Expected deleted() {
            return new Expected(null, Map.of(), false);
        }

        /** Deployed with every one of {@code count} nodes running. */
        static Expected running(int count) {
            Map<String, Boolean> runs = new TreeMap<>();
            IntStream.rangeClosed(1, count).forEach(i -> runs.put("r" + i, true));
            return deployed(true, runs);
        }

        /** Deployed, the lab wanting to run ({@code labRuns}) and each node's own wish. */
        static Expected deployed(boolean labRuns, Map<String, Boolean> nodeRuns) {
            Map<String, String> nodes = new TreeMap<>();
            nodeRuns.forEach((node, runs) -> nodes.put(node, labRuns && runs ? "READY" : "STOPPED"));
            return new Expected(nodes.containsValue("READY") ? "RUNNING" : "STOPPED", nodes, true);
        }
    }

    private final ApiClient user;
    private final KubernetesClient k8s;

    LabCluster(ApiClient user, KubernetesClient k8s) {
        this.user = user;
        this.k8s = k8s;
    }

    /** A new lab of {@code count} routers r1..rN, each linked to the next; r1 has a startup config. */
    UUID create(String name, int count) {
        List<String> nodes = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(i == 1 ? "{\"name\":\"r1\",\"image\":\"frr\",\"startupConfig\":\"hostname r1\\n\"}"
                    : "{\"name\":\"r" + i + "\",\"image\":\"frr\"}");
            if (i > 1) {
                links.add("{\"endpoints\":[\"r" + (i - 1) + ":eth2\",\"r" + i + ":eth1\"]}");
            }
        }
        ApiClient.Response created = user.post("/api/v1/labs", "{\"name\":\"%s-%s\",\"nodes\":[%s],\"links\":[%s]}"
                .formatted(name, UUID.randomUUID().toString().substring(0, 8), String.join(",", nodes),
                        String.join(",", links)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /** Waits until the lab shows {@code expected} over REST and in the cluster, or fails saying what it saw. */
    void awaitConverged(UUID lab, Expected expected, Duration timeout) {
        Await.until("lab " + lab + " to converge to " + expected, timeout, Duration.ofMillis(50),
                () -> mismatch(lab, expected) == null, () -> mismatch(lab, expected));
    }

    /** What differs from {@code expected}; null when nothing does. */
    String mismatch(UUID lab, Expected expected) {
        ApiClient.Response read = user.get("/api/v1/labs/" + lab);
        String seen = observed(lab, read);
        if (expected.labState() == null) {
            return read.status() == 404 && objects(lab).isEmpty() ? null : seen;
        }
        JsonNode status = read.status() == 200 ? read.json().get("status") : null;
        if (status == null || !expected.labState().equals(status.get("state").asString())) {
            return seen;
        }
        Map<String, String> nodes = new TreeMap<>();
        status.get("nodes").valueStream().forEach(n -> nodes.put(n.get("name").asString(), n.get("state").asString()));
        if (!nodes.equals(expected.nodes())) {
            return seen;
        }
        Map<String, Integer> objects = objects(lab);
        if (!expected.deployed()) {
            return objects.isEmpty() ? null : seen;
        }
        Map<String, String> runStrategies = new TreeMap<>();
        vms(lab).forEach(vm -> runStrategies.put(vm.getMetadata().getName(), vm.get("spec", "runStrategy")));
        Map<String, String> wanted = new TreeMap<>();
        expected.nodes().forEach((node, state) -> wanted.put(node, state.equals("READY") ? "Always" : "Halted"));
        return runStrategies.equals(wanted) ? null : seen;
    }

    private String observed(UUID lab, ApiClient.Response read) {
        Map<String, String> vms = new TreeMap<>();
        vms(lab).forEach(vm -> vms.put(vm.getMetadata().getName(), vm.get("spec", "runStrategy") + " "
                + vm.get("status", "printableStatus")));
        return "HTTP " + read.status() + " status " + (read.status() == 200 ? read.json().get("status") : "-")
                + ", objects " + objects(lab) + ", VMs (run strategy, printable status) " + vms
                + (System.getProperty("churn.debug") == null ? "" : ", events "
                + user.get("/api/v1/labs/" + lab + "/events").body());
    }

    /** How many objects of each kind the lab has in the cluster; the kinds with none left out. */
    Map<String, Integer> objects(UUID lab) {
        String ns = LabPlanner.namespaceOf(lab);
        Map<String, Integer> counts = new LinkedHashMap<>();
        count(counts, "namespace", k8s.namespaces().withName(ns).get() == null ? 0 : 1);
        count(counts, "vms", vms(lab).size());
        count(counts, "vmis", k8s.genericKubernetesResources(KubeVirt.VMI).inNamespace(ns).list().getItems().size());
        count(counts, "nads", k8s.genericKubernetesResources(Multus.NAD).inNamespace(ns).list().getItems().size());
        count(counts, "secrets", k8s.secrets().inNamespace(ns).list().getItems().size());
        return counts;
    }

    private static void count(Map<String, Integer> counts, String kind, int count) {
        if (count > 0) {
            counts.put(kind, count);
        }
    }

    List<GenericKubernetesResource> vms(UUID lab) {
        return k8s.genericKubernetesResources(KubeVirt.VM).inNamespace(LabPlanner.namespaceOf(lab)).list().getItems();
    }
}
