package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.kubevirt.VirtualMachines;
import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.SpecHash;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the last render of each lab came to, by the digest of the plan it was rendered from: the spec hash of every
 * object and the boot hash of every VM. Most passes (a VM changed status, a resync) find the plan unchanged and the
 * cache showing exactly those hashes; they then need no render at all, which is most of a pass's CPU. Only hashes are
 * kept (about 100 bytes per object), never the objects. Lost on restart, like any cache: the next pass renders.
 */
final class RenderedLabs {

    /**
     * One lab's last render.
     *
     * @param planDigest {@link SpecHash#ofContent} of the plan
     * @param specHashes by kind ({@code secrets}), object name to spec hash
     * @param bootHashes boot hash by VM name
     */
    record Render(String planDigest, Map<String, Map<String, String>> specHashes, Map<String, String> bootHashes) {

        static Render of(String planDigest, Namespace namespace, List<GenericKubernetesResource> nads,
                         List<Secret> secrets, List<GenericKubernetesResource> vms) {
            Map<String, String> bootHashes = new HashMap<>();
            vms.forEach(vm -> bootHashes.put(vm.getMetadata().getName(), VirtualMachines.bootHash(vm)));
            return new Render(planDigest, Map.of("namespaces", hashes(List.of(namespace)), "nads", hashes(nads),
                    "secrets", hashes(secrets), "vms", hashes(vms)), Map.copyOf(bootHashes));
        }

        private static Map<String, String> hashes(List<? extends HasMetadata> objects) {
            Map<String, String> hashes = new HashMap<>();
            objects.forEach(o -> hashes.put(o.getMetadata().getName(), ClusterLabels.specHash(o)));
            return Map.copyOf(hashes);
        }

        String vmHash(String vm) {
            return specHashes.get("vms").get(vm);
        }

        String bootHash(String vm) {
            return bootHashes.get(vm);
        }

        /** Whether {@code cached} objects of a kind are exactly the rendered ones: same names, same spec hashes. */
        boolean matches(String kind, List<? extends HasMetadata> cached) {
            Map<String, String> rendered = specHashes.get(kind);
            return cached.size() == rendered.size() && cached.stream().allMatch(object -> {
                String hash = rendered.get(object.getMetadata().getName());
                return hash != null && hash.equals(ClusterLabels.specHash(object));
            });
        }
    }

    private final Map<UUID, Render> byLab = new ConcurrentHashMap<>();

    /** The lab's last render if it was made from a plan with this digest; else null. */
    Render current(UUID lab, String planDigest) {
        Render render = byLab.get(lab);
        return render != null && render.planDigest().equals(planDigest) ? render : null;
    }

    void remember(UUID lab, Render render) {
        byLab.put(lab, render);
    }

    void forget(UUID lab) {
        byLab.remove(lab);
    }
}
