package dev.labforge.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/** A real cluster must have KubeVirt and Multus installed; say so clearly at start if not. */
public final class CrdCheck {

    static final List<String> REQUIRED = List.of("virtualmachines.kubevirt.io",
            "virtualmachineinstances.kubevirt.io", "network-attachment-definitions.k8s.cni.cncf.io");

    private CrdCheck() {
    }

    public static void requireKubeVirtAndMultus(KubernetesClient client) {
        List<String> missing = new ArrayList<>();
        for (String crd : REQUIRED) {
            if (client.apiextensions().v1().customResourceDefinitions().withName(crd).get() == null) {
                missing.add(crd);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the cluster lacks " + String.join(", ", missing)
                    + ": install KubeVirt (https://kubevirt.io) and Multus (https://github.com/k8snetworkplumbingwg/"
                    + "multus-cni) first, or run without a kubeconfig to use the simulated cluster");
        }
    }
}
