package dev.labforge.cluster.multus;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;

/** Multus API coordinates and the link drivers by name. */
public final class Multus {

    public static final String API_VERSION = "k8s.cni.cncf.io/v1";

    /** The plural is hyphenated: {@code network-attachment-definitions} (also in RBAC). */
    public static final ResourceDefinitionContext NAD = new ResourceDefinitionContext.Builder()
            .withGroup("k8s.cni.cncf.io").withVersion("v1").withKind("NetworkAttachmentDefinition")
            .withPlural("network-attachment-definitions").withNamespaced(true).build();

    private static final List<LinkDriver> DRIVERS = List.of(new BridgeLinkDriver(), new VlanLinkDriver());

    private Multus() {
    }

    /** The driver called {@code name} ({@code bridge}, {@code vlan}). */
    public static LinkDriver driver(String name) {
        return DRIVERS.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown link driver: " + name));
    }
}
