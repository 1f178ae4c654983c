package dev.labforge.cluster;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * At start on a real cluster: asks the API server, for each right LabForge needs, whether its credentials have it
 * (a SelfSubjectAccessReview each, which every authenticated user may ask), and refuses to start naming the verb and
 * resource of every one missing. Without it a missing right showed as informers that never synced, a minute later,
 * or as a lab that never deployed. The chart's ClusterRole grants these (ClusterRbacTest, PermissionCheckTest).
 */
final class PermissionCheck {

    /** A right: the verb on a resource of an API group ("" is the core group), optionally one object by name. */
    record Grant(String group, String resource, String verb, String name) {

        static Grant of(String group, String resource, String verb) {
            return new Grant(group, resource, verb, null);
        }

        @Override
        public String toString() {
            return verb + " " + resource + (group.isEmpty() ? "" : "." + group) + (name == null ? "" : " " + name);
        }
    }

    static final List<Grant> REQUIRED = List.of(
            Grant.of("", "namespaces", "list"), Grant.of("", "namespaces", "watch"),
            Grant.of("", "namespaces", "create"), Grant.of("", "namespaces", "delete"),
            Grant.of("", "secrets", "get"), Grant.of("", "secrets", "list"), Grant.of("", "secrets", "watch"),
            Grant.of("", "secrets", "create"), Grant.of("", "secrets", "patch"), Grant.of("", "secrets", "delete"),
            Grant.of("kubevirt.io", "virtualmachines", "get"), Grant.of("kubevirt.io", "virtualmachines", "list"),
            Grant.of("kubevirt.io", "virtualmachines", "watch"), Grant.of("kubevirt.io", "virtualmachines", "create"),
            Grant.of("kubevirt.io", "virtualmachines", "patch"),
            Grant.of("kubevirt.io", "virtualmachines", "delete"),
            Grant.of("kubevirt.io", "virtualmachineinstances", "list"),
            Grant.of("kubevirt.io", "virtualmachineinstances", "watch"),
            Grant.of("kubevirt.io", "virtualmachineinstances", "delete"),
            Grant.of("k8s.cni.cncf.io", "network-attachment-definitions", "get"),
            Grant.of("k8s.cni.cncf.io", "network-attachment-definitions", "list"),
            Grant.of("k8s.cni.cncf.io", "network-attachment-definitions", "watch"),
            Grant.of("k8s.cni.cncf.io", "network-attachment-definitions", "create"),
            Grant.of("k8s.cni.cncf.io", "network-attachment-definitions", "patch"),
            Grant.of("k8s.cni.cncf.io", "network-attachment-definitions", "delete"));

    private PermissionCheck() {
    }

    /** The CRD check's reads, by name: the chart grants exactly these three. */
    static List<Grant> required() {
        List<Grant> all = new java.util.ArrayList<>(REQUIRED);
        CrdCheck.REQUIRED.forEach(crd -> all.add(new Grant("apiextensions.k8s.io", "customresourcedefinitions",
                "get", crd)));
        return all;
    }

    static void requireAll(KubernetesClient client) {
        List<Grant> missing = required().stream().filter(grant -> !allowed(client, grant)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the cluster credentials lack " + missing.size() + " right(s) LabForge needs: " + String.join(", ",
                    missing.stream().map(Grant::toString).toList()) + ". Grant them (the Helm chart's ClusterRole"
                    + " has exactly these: helm/labforge/templates/clusterrole.yaml)");
        }
    }

    private static boolean allowed(KubernetesClient client, Grant grant) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec()
                .withNewResourceAttributes().withGroup(grant.group()).withResource(grant.resource())
                .withVerb(grant.verb()).withName(grant.name()).endResourceAttributes().endSpec().build();
        SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
        return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
    }
}
