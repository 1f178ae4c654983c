package dev.labforge.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The objects a chart rendered, each read into fabric8's typed model strictly: a field the model does not know
 * (a misspelling, a field at the wrong level) fails, and so does a scalar of the wrong type.
 */
public record Manifests(List<HasMetadata> objects) {

    /** The kinds the chart may render, by apiVersion and kind; anything else fails the parse. */
    private static final Map<String, Class<? extends HasMetadata>> MODEL = Map.ofEntries(
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/DaemonSet", io.fabric8.kubernetes.api.model.apps.DaemonSet.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", ClusterRole.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", ClusterRoleBinding.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            // fabric8 has no prometheus-operator model: ServiceMonitorShape checks its fields
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", GenericKubernetesResource.class));

    /**
     * fabric8's model classes collect unknown fields in an any-setter ({@code additionalProperties}) instead of
     * failing; with the any-setter ignored, FAIL_ON_UNKNOWN_PROPERTIES applies to them as to any class.
     */
    private static final YAMLMapper STRICT = YAMLMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
                    // a GenericKubernetesResource is nothing but its additional properties: it keeps its any-setter
                    if (annotated instanceof AnnotatedMember member
                            && member.getDeclaringClass().getName().startsWith("io.fabric8.kubernetes.api.model.")
                            && member.getDeclaringClass() != GenericKubernetesResource.class) {
                        return Boolean.FALSE;
                    }
                    return super.hasAnySetter(config, annotated);
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final YAMLMapper LENIENT = YAMLMapper.builder().build();

    /** Reads every YAML document of a {@code helm template} output. */
    public static Manifests parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            objects.add(parseObject(document));
        }
        return new Manifests(List.copyOf(objects));
    }

    static HasMetadata parseObject(String document) {
        JsonNode tree = LENIENT.readTree(document);
        String type = tree.path("apiVersion").asString() + "/" + tree.path("kind").asString();
        Class<? extends HasMetadata> model = MODEL.get(type);
        if (model == null) {
            throw new AssertionError("the chart renders " + type + ", which the tests do not know:\n" + document);
        }
        try {
            return STRICT.readValue(document, model);
        } catch (tools.jackson.core.JacksonException e) {
            throw new AssertionError("not a valid " + type + ": " + e.getOriginalMessage() + "\n" + document, e);
        }
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.getFirst();
    }

    public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    public Optional<GenericKubernetesResource> kind(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(o -> o.getKind().equals(kind)).findFirst();
    }
}
