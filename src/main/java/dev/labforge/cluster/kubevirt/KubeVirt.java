package dev.labforge.cluster.kubevirt;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** KubeVirt API coordinates, for {@code client.genericKubernetesResources(...)}. */
public final class KubeVirt {

    public static final String API_VERSION = "kubevirt.io/v1";

    public static final ResourceDefinitionContext VM = new ResourceDefinitionContext.Builder()
            .withGroup("kubevirt.io").withVersion("v1").withKind("VirtualMachine")
            .withPlural("virtualmachines").withNamespaced(true).build();

    public static final ResourceDefinitionContext VMI = new ResourceDefinitionContext.Builder()
            .withGroup("kubevirt.io").withVersion("v1").withKind("VirtualMachineInstance")
            .withPlural("virtualmachineinstances").withNamespaced(true).build();

    /** {@code spec.runStrategy} of a running VM: KubeVirt keeps a VMI up and respawns it. */
    public static final String ALWAYS = "Always";
    /** {@code spec.runStrategy} of a stopped VM: KubeVirt stops any VMI. */
    public static final String HALTED = "Halted";

    private KubeVirt() {
    }
}
