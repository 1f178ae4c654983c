package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Router VMs as the LabForge renderer writes them, cut down to what the simulator reads. */
final class Vms {

    static final String IMAGE = "registry.example.com/labforge/router-image:1.0";
    static final String UNPULLABLE_IMAGE = "registry.example.com/labforge/never-pull-router:1.0";

    private Vms() {
    }

    static GenericKubernetesResource router(String namespace, String name, String runStrategy) {
        return router(namespace, name, runStrategy, IMAGE);
    }

    static GenericKubernetesResource router(String namespace, String name, String runStrategy, String image) {
        return Serialization.unmarshal("""
                apiVersion: kubevirt.io/v1
                kind: VirtualMachine
                metadata:
                  name: %2$s
                  namespace: %1$s
                  labels:
                    app.kubernetes.io/managed-by: labforge
                    labforge.dev/lab: %1$s
                    labforge.dev/node: %2$s
                spec:
                  runStrategy: %3$s
                  template:
                    metadata:
                      labels:
                        labforge.dev/lab: %1$s
                        labforge.dev/node: %2$s
                    spec:
                      domain:
                        cpu: {cores: 2}
                        memory: {guest: 2Gi}
                        devices:
                          interfaces:
                          - {name: mgmt, masquerade: {}, model: virtio}
                          - {name: eth1, bridge: {}, model: virtio, macAddress: "02:7f:3a:01:00:01"}
                          - {name: eth2, bridge: {}, model: virtio, macAddress: "02:7f:3a:01:00:02"}
                      networks:
                      - {name: mgmt, pod: {}}
                      - {name: eth1, multus: {networkName: l-7f3a-000}}
                      - {name: eth2, multus: {networkName: l-7f3a-001}}
                      volumes:
                      - name: rootdisk
                        containerDisk: {image: "%4$s"}
                """.formatted(namespace, name, runStrategy, image), GenericKubernetesResource.class);
    }

    static NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> vms(KubernetesClient client, String namespace) {
        return client.genericKubernetesResources(Kinds.VM).inNamespace(namespace);
    }

    static NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> vmis(KubernetesClient client, String namespace) {
        return client.genericKubernetesResources(Kinds.VMI).inNamespace(namespace);
    }

    /** Starts or stops a VM as the reconciler does: a JSON merge patch of {@code spec.runStrategy}. */
    static void runStrategy(KubernetesClient client, String namespace, String name, String runStrategy) {
        vms(client, namespace).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"runStrategy\":\"" + runStrategy + "\"}}");
    }
}
