package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the status of one kind, starting from the version the caller saw and rereading on a conflict.
 *
 * <p>A kind whose CRD has the status subresource (VirtualMachine) is written through it, so the write can never
 * undo a spec change the reconciler made meanwhile. A kind without it (VirtualMachineInstance, as KubeVirt ships it)
 * is written whole, like virt-controller does; nobody but the simulator writes those.
 */
final class StatusWriter {

    /** Conflicts come from a cache a few events behind, or a concurrent writer; a few fresh reads settle either. */
    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;
    private final ResourceDefinitionContext kind;
    private final boolean throughSubresource;

    private StatusWriter(KubernetesClient client, ResourceDefinitionContext kind, boolean throughSubresource) {
        this.client = client;
        this.kind = kind;
        this.throughSubresource = throughSubresource;
    }

    static StatusWriter throughSubresource(KubernetesClient client, ResourceDefinitionContext kind) {
        return new StatusWriter(client, kind, true);
    }

    static StatusWriter wholeObject(KubernetesClient client, ResourceDefinitionContext kind) {
        return new StatusWriter(client, kind, false);
    }

    /**
     * Writes {@code render(object)} as the object's status. {@code render} sees the latest version on each attempt
     * and returns null when that version needs no write. Returns quietly if the object is gone.
     *
     * @return the status written, or null when nothing was
     */
    Map<String, Object> write(GenericKubernetesResource seen,
                              Function<GenericKubernetesResource, Map<String, Object>> render) {
        GenericKubernetesResource current = seen;
        for (int attempt = 1; current != null; attempt++) {
            Map<String, Object> status = render.apply(current);
            if (status == null) {
                return null;
            }
            GenericKubernetesResource changed = Serialization.clone(current); // never change a cached object
            changed.setAdditionalProperty("status", status);
            try {
                Resource<GenericKubernetesResource> resource = resources(current).resource(changed);
                if (throughSubresource) {
                    resource.updateStatus();
                } else {
                    resource.update();
                }
                return status;
            } catch (KubernetesClientException e) {
                if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                    return null;
                }
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
            }
            current = resources(current).withName(current.getMetadata().getName()).get();
        }
        return null;
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> resources(GenericKubernetesResource object) {
        return client.genericKubernetesResources(kind).inNamespace(object.getMetadata().getNamespace());
    }
}
