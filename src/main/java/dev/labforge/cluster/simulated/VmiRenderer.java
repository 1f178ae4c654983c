package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the VirtualMachineInstance virt-controller would create for a VirtualMachine, and reads its spec. */
final class VmiRenderer {

    /**
     * The guest's address behind masquerade: KubeVirt's default {@code vmNetworkCIDR} is 10.0.2.0/24 and the
     * guest gets .2; status.interfaces reports it for the pod network.
     */
    static final String POD_NETWORK_GUEST_ADDRESS = "10.0.2.2";

    private VmiRenderer() {
    }

    /** The VMI for a VM: its template, the template's labels and annotations, and the VM as controlling owner. */
    static GenericKubernetesResource instanceOf(GenericKubernetesResource vm) {
        GenericKubernetesResource vmi = new GenericKubernetesResource();
        vmi.setApiVersion(Kinds.KUBEVIRT_API_VERSION);
        vmi.setKind(Kinds.VMI.getKind());
        vmi.setMetadata(new ObjectMetaBuilder()
                .withName(vm.getMetadata().getName())
                .withNamespace(vm.getMetadata().getNamespace())
                .withLabels(vm.get("spec", "template", "metadata", "labels"))
                .withAnnotations(vm.get("spec", "template", "metadata", "annotations"))
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(Kinds.KUBEVIRT_API_VERSION).withKind(Kinds.VM.getKind())
                        .withName(vm.getMetadata().getName()).withUid(vm.getMetadata().getUid())
                        .withController(true).withBlockOwnerDeletion(true)
                        .build())
                .build());
        // a deep copy: the VM comes from an informer cache, which must never be changed
        vmi.setAdditionalProperty("spec", Serialization.unmarshal(Serialization.asJson(templateSpec(vm)), Map.class));
        return vmi;
    }

    /** The VM's {@code spec.template.spec}, which a VMI's spec starts as a copy of. */
    static Map<String, Object> templateSpec(GenericKubernetesResource vm) {
        Map<String, Object> spec = vm.get("spec", "template", "spec");
        return spec == null ? Map.of() : spec;
    }

    static Map<String, Object> spec(GenericKubernetesResource vmi) {
        Map<String, Object> spec = vmi.get("spec");
        return spec == null ? Map.of() : spec;
    }

    /** The containerDisk images a VMI needs pulled before it can start. */
    static List<String> containerDiskImages(GenericKubernetesResource vmi) {
        return Condition.maps(spec(vmi).get("volumes")).stream()
                .map(volume -> volume.get("containerDisk"))
                .filter(Map.class::isInstance)
                .map(disk -> Condition.string(((Map<?, ?>) disk).get("image")))
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * What virt-handler would report for the VMI's interfaces: the MAC from the spec (or one KubeVirt-like
     * generated from the VMI's uid), the link state, and an address only on the pod network.
     */
    static List<VmiStatus.Nic> nics(GenericKubernetesResource vmi) {
        Map<String, Object> spec = spec(vmi);
        Set<String> podNetworks = Condition.maps(spec.get("networks")).stream()
                .filter(network -> network.get("pod") != null)
                .map(network -> Condition.string(network.get("name")))
                .collect(Collectors.toSet());
        Map<String, Object> domain = spec.get("domain") instanceof Map<?, ?> d ? cast(d) : Map.of();
        Map<String, Object> devices = domain.get("devices") instanceof Map<?, ?> d ? cast(d) : Map.of();
        return Condition.maps(devices.get("interfaces")).stream()
                .map(nic -> {
                    String name = Condition.string(nic.get("name"));
                    String mac = nic.get("macAddress") != null
                            ? Condition.string(nic.get("macAddress"))
                            : generatedMac(vmi.getMetadata().getUid(), name);
                    String ip = podNetworks.contains(name) ? POD_NETWORK_GUEST_ADDRESS : null;
                    String linkState = "down".equals(nic.get("state")) ? "down" : "up";
                    return new VmiStatus.Nic(name, mac, ip, linkState);
                })
                .toList();
    }

    /** A stable, locally administered unicast MAC, as libvirt would pick one when the spec names none. */
    private static String generatedMac(String uid, String interfaceName) {
        int hash = Objects.hash(uid, interfaceName);
        return String.format("02:00:%02x:%02x:%02x:%02x",
                (hash >>> 24) & 0xff, (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, hash & 0xff);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
