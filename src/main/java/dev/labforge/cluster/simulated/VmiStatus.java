package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of {@code VirtualMachineInstance.status} the simulator owns, comparable without timestamps.
 *
 * @param phase      KubeVirt's VMI phase: Pending, Scheduling, Scheduled, Running (null before the first write)
 * @param nodeName   where the VMI runs; the reconciler needs it to tell single-node from cross-node links
 * @param interfaces what virt-handler reports from the domain: no guest agent, so no guest IPs on lab links
 */
record VmiStatus(String phase, String nodeName, List<Condition> conditions, List<Nic> interfaces) {

    /** One {@code status.interfaces[]} entry; ipAddress only on the pod network, where KubeVirt reports it. */
    record Nic(String name, String mac, String ipAddress, String linkState) {
    }

    VmiStatus {
        conditions = List.copyOf(conditions);
        interfaces = List.copyOf(interfaces);
    }

    static VmiStatus of(GenericKubernetesResource vmi) {
        Map<String, Object> status = Kinds.status(vmi);
        List<Nic> nics = new ArrayList<>();
        for (Map<String, Object> nic : Condition.maps(status.get("interfaces"))) {
            nics.add(new Nic(Condition.string(nic.get("name")), Condition.string(nic.get("mac")),
                    Condition.string(nic.get("ipAddress")), Condition.string(nic.get("linkState"))));
        }
        return new VmiStatus(Condition.string(status.get("phase")), Condition.string(status.get("nodeName")),
                Condition.fromStatus(status), nics);
    }

    Optional<Condition> condition(String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
    }

    boolean isRunning() {
        return "Running".equals(phase);
    }

    boolean isFinal() {
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    Map<String, Object> toMap(Map<String, Object> previous, Instant now) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", phase);
        if (nodeName != null) {
            status.put("nodeName", nodeName);
        }
        status.put("conditions", Condition.toMaps(conditions, previous, now));
        if (!interfaces.isEmpty()) {
            status.put("interfaces", interfaces.stream().map(VmiStatus::toMap).toList());
        }
        return status;
    }

    private static Map<String, Object> toMap(Nic nic) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", nic.name());
        map.put("mac", nic.mac());
        if (nic.ipAddress() != null) {
            map.put("ipAddress", nic.ipAddress());
            map.put("ipAddresses", List.of(nic.ipAddress()));
        }
        map.put("infoSource", "domain");
        map.put("linkState", nic.linkState());
        map.put("queueCount", 1);
        return map;
    }
}
