package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;

/** The KubeVirt kinds the simulator handles, and the few facts about them it needs. */
final class Kinds {

    static final String KUBEVIRT_API_VERSION = "kubevirt.io/v1";

    static final ResourceDefinitionContext VM = new ResourceDefinitionContext.Builder()
            .withGroup("kubevirt.io").withVersion("v1").withKind("VirtualMachine")
            .withPlural("virtualmachines").withNamespaced(true).build();

    static final ResourceDefinitionContext VMI = new ResourceDefinitionContext.Builder()
            .withGroup("kubevirt.io").withVersion("v1").withKind("VirtualMachineInstance")
            .withPlural("virtualmachineinstances").withNamespaced(true).build();

    /** The simulator only plays virt-controller for LabForge's VMs, like the reconciler only watches those. */
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String LABFORGE = "labforge";

    private Kinds() {
    }

    static String key(GenericKubernetesResource resource) {
        return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
    }

    /** The uid of the VirtualMachine controlling this VMI, or null for a VMI created on its own. */
    static String ownerUid(GenericKubernetesResource vmi) {
        return vmi.getMetadata().getOwnerReferences().stream()
                .filter(owner -> Boolean.TRUE.equals(owner.getController()))
                .filter(owner -> VM.getKind().equals(owner.getKind()))
                .map(OwnerReference::getUid)
                .findFirst().orElse(null);
    }

    /** The object's status, empty when it has none yet. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> status(GenericKubernetesResource resource) {
        return resource.getAdditionalProperties().get("status") instanceof Map<?, ?> status
                ? (Map<String, Object>) status : Map.of();
    }

    static boolean isDeleting(GenericKubernetesResource resource) {
        return resource.getMetadata().getDeletionTimestamp() != null;
    }
}
