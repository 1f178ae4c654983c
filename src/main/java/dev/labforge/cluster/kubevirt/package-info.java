/**
 * Renders a lab's KubeVirt-side objects as pure functions of a {@link dev.labforge.cluster.plan.LabPlan}:
 * the lab's Namespace, one VirtualMachine per router and the Secret carrying its cloud-init data.
 *
 * <p>One small class per owned object ({@link dev.labforge.cluster.kubevirt.VirtualMachines},
 * {@link dev.labforge.cluster.kubevirt.ConfigSecrets}, {@link dev.labforge.cluster.kubevirt.Namespaces}); each only
 * builds desired state, stamped with {@link dev.labforge.cluster.plan.ClusterLabels#SPEC_HASH}. No I/O, no Spring.
 * VMs are {@code GenericKubernetesResource}s because fabric8 ships no KubeVirt model.
 */
package dev.labforge.cluster.kubevirt;
