/**
 * The SIMULATED cluster LabForge runs on when no kubeconfig is given: an in-process Kubernetes API (the fabric8 mock
 * server in CRUD mode, with the KubeVirt and Multus CRDs registered) and a simulator that plays KubeVirt's
 * virt-controller, moving VirtualMachine and VirtualMachineInstance status along as a real cluster would.
 *
 * <p>Nothing runs: no VM boots and no link carries a frame. What is faithful is the API surface the reconciler
 * sees: object storage, watches, the VM status subresource, and the order of KubeVirt's status values
 * ({@code Provisioning}, {@code Starting}, {@code Running}, {@code Stopping}, {@code Stopped},
 * {@code ErrImagePull}, {@code ImagePullBackOff}).
 *
 * <p>Plain Java, no Spring: the public face is {@link dev.labforge.cluster.simulated.SimulatedCluster},
 * {@link dev.labforge.cluster.simulated.VirtControllerSimulator} and
 * {@link dev.labforge.cluster.simulated.SimulatorSettings}.
 */
package dev.labforge.cluster.simulated;
