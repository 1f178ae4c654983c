package dev.labforge.cluster.plan;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The labels every LabForge object carries, and the spec-hash annotation the reconciler compares.
 *
 * <p>Selectors use equality on {@link #MANAGED_BY} and {@link #LAB} only: the fabric8 mock server drops
 * set-based requirements. Label maps are sorted so rendered YAML is deterministic.
 */
public final class ClusterLabels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String LAB = "labforge.dev/lab";
    public static final String NODE = "labforge.dev/node";
    public static final String LINK = "labforge.dev/link";
    /** Which lab definition version an object was rendered from; informative, never part of the hash. */
    public static final String SPEC_VERSION = "labforge.dev/spec-version";
    /** Annotation: {@link #computeSpecHash} of the object as rendered. */
    public static final String SPEC_HASH = "labforge.dev/spec-hash";
    /**
     * Annotation on a VM's template, so also on each VMI started from it: {@link #bootHash} of what the router boots
     * with. A running VMI whose boot hash differs from its VM's was started from an older definition.
     */
    public static final String BOOT_HASH = "labforge.dev/boot-hash";
    public static final String LABFORGE = "labforge";

    private ClusterLabels() {
    }

    /** A router's VirtualMachine. */
    public static SortedMap<String, String> router(LabPlan lab, NodePlan node) {
        return labels(lab, "labforge-router", "router", NODE, node.name());
    }

    /** A router's cloud-init Secret. */
    public static SortedMap<String, String> config(LabPlan lab, NodePlan node) {
        return labels(lab, "labforge-router", "config", NODE, node.name());
    }

    /** A link's NetworkAttachmentDefinition. */
    public static SortedMap<String, String> link(LabPlan lab, LinkPlan link) {
        return labels(lab, "labforge-link", "link", LINK, link.nadName());
    }

    /** The lab's Namespace. */
    public static SortedMap<String, String> lab(LabPlan lab) {
        return labels(lab, "labforge-lab", "lab", null, null);
    }

    /**
     * Labels of a VM's template, copied by KubeVirt onto the VMI and the virt-launcher pod. No spec-version:
     * a new lab version must not change the template of an unchanged node.
     */
    public static SortedMap<String, String> template(LabPlan lab, NodePlan node) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(LAB, lab.labId().toString(), NODE, node.name())));
    }

    /** The namespace every object of a lab lives in (its VMIs too, whose consoles are reached there). */
    public static String namespaceOf(UUID labId) {
        return LabPlanner.namespaceOf(labId);
    }

    /** Equality selector for everything LabForge made for one lab. */
    public static Map<String, String> selector(UUID labId) {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put(MANAGED_BY, LABFORGE);
        selector.put(LAB, labId.toString());
        return Collections.unmodifiableMap(selector);
    }

    /** Sets the {@link #SPEC_HASH} annotation to the object's current content hash; returns the object. */
    public static <T extends HasMetadata> T withSpecHash(T object) {
        ObjectMeta metadata = object.getMetadata();
        Map<String, String> annotations = new TreeMap<>();
        if (metadata.getAnnotations() != null) {
            annotations.putAll(metadata.getAnnotations());
        }
        annotations.remove(SPEC_HASH);
        metadata.setAnnotations(annotations);
        annotations.put(SPEC_HASH, SpecHash.of(object));
        return object;
    }

    /** The hash an object was stamped with by {@link #withSpecHash}; null if it carries none. */
    public static String specHash(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata() == null ? null : object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(SPEC_HASH);
    }

    /**
     * Hex SHA-256 (16 chars) of the object's desired content, leaving out what must not force a rewrite:
     * the spec-version label, the hash annotation, {@code spec.runStrategy} (start/stop is its own merge
     * patch) and server-owned fields (status, uid, resourceVersion ...).
     */
    public static String computeSpecHash(HasMetadata object) {
        return SpecHash.of(object);
    }

    /**
     * Hex SHA-256 (16 chars) of what a router boots with: its VM template's spec and its startup config (the Secret's
     * data). KubeVirt applies neither to a running VMI; the reconciler restarts a node whose VMI carries another.
     */
    public static String bootHash(Map<String, Object> templateSpec, Map<String, String> configData) {
        Map<String, Object> boot = new TreeMap<>();
        boot.put("template", templateSpec);
        boot.put("config", configData == null ? Map.of() : configData);
        return SpecHash.ofContent(boot);
    }

    private static SortedMap<String, String> labels(LabPlan lab, String name, String component, String key,
                                                    String value) {
        SortedMap<String, String> labels = new TreeMap<>();
        labels.put(NAME, name);
        labels.put(INSTANCE, lab.namespace());
        labels.put(COMPONENT, component);
        labels.put(PART_OF, LABFORGE);
        labels.put(MANAGED_BY, LABFORGE);
        labels.put(LAB, lab.labId().toString());
        labels.put(SPEC_VERSION, Long.toString(lab.specVersion()));
        if (key != null) {
            labels.put(key, value);
        }
        return Collections.unmodifiableSortedMap(labels);
    }
}
