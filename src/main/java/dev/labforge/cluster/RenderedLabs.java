package dev.labforge.cluster;

import dev.labforge.cluster.kubevirt.VirtualMachines;
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
     * @param specHashes spec hash by kind and name ({@code secrets/r1-config})
     * @param bootHashes boot hash by VM name
     */
    record Render(String planDigest, Map<String, String> specHashes, Map<String, String> bootHashes) {

        static Render of(String planDigest, Namespace namespace, List<GenericKubernetesResource> nads,
                         List<Secret> secrets, List<GenericKubernetesResource> vms) {
            Map<String, String> specHashes = new HashMap<>();
            put(specHashes, "namespaces", List.of(namespace));
            put(specHashes, "nads", nads);
            put(specHashes, "secrets", secrets);
            put(specHashes, "vms", vms);
            Map<String, String> bootHashes = new HashMap<>();
            vms.forEach(vm -> bootHashes.put(vm.getMetadata().getName(), VirtualMachines.bootHash(vm)));
            return new Render(planDigest, Map.copyOf(specHashes), Map.copyOf(bootHashes));
        }

        private static void put(Map<String, String> hashes, String kind, List<? extends HasMetadata> objects) {
            objects.forEach(o -> hashes.put(kind + "/" + o.getMetadata().getName(), ClusterLabels.specHash(o)));
        }

        String vmHash(String vm) {
            return specHashes.get("vms/" + vm);
        }

        String bootHash(String vm) {
            return bootHashes.get(vm);
        }

        /** Whether {@code cached} objects of a kind are exactly the rendered ones: same names, same spec hashes. */
        boolean matches(String kind, List<? extends HasMetadata> cached) {
            int rendered = 0;
            for (String key : specHashes.keySet()) {
                if (key.startsWith(kind + "/")) {
                    rendered++;
                }
            }
            if (cached.size() != rendered) {
                return false;
            }
            for (HasMetadata object : cached) {
                String hash = specHashes.get(kind + "/" + object.getMetadata().getName());
                if (hash == null || !hash.equals(ClusterLabels.specHash(object))) {
                    return false;
                }
            }
            return true;
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
