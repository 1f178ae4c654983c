package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.cluster.reconcile.ClusterRbacTest;
import dev.labforge.deploy.HelmChart;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up check of LabForge's rights on a real cluster: each asked with a SelfSubjectAccessReview, a missing one
 * named by verb and resource, and every one of them granted by the chart's ClusterRole.
 */
class PermissionCheckTest {

    private KubernetesMockServer server;
    private KubernetesClient client;
    /** What the API server answers no to, as "verb resource.group [name]". */
    private Set<String> denied = Set.of();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void apiServer() {
        server = new KubernetesMockServer(false);
        server.init();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReply(201, request -> {
                    SelfSubjectAccessReview review = Serialization.unmarshal(request.getBody().readUtf8(),
                            SelfSubjectAccessReview.class);
                    var attributes = review.getSpec().getResourceAttributes();
                    String asked = new PermissionCheck.Grant(attributes.getGroup(), attributes.getResource(),
                            attributes.getVerb(), attributes.getName()).toString();
                    this.asked.add(asked);
                    review.setStatus(new SubjectAccessReviewStatusBuilder().withAllowed(!denied.contains(asked))
                            .build());
                    return review;
                }).always();
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void startsWhenEveryRightIsThere() {
        assertThatCode(() -> PermissionCheck.requireAll(client)).doesNotThrowAnyException();
        assertThat(asked).hasSize(PermissionCheck.required().size());
    }

    @Test
    void aMissingRightIsNamedByVerbAndResource() {
        denied = Set.of("create virtualmachines.kubevirt.io", "watch namespaces",
                "get customresourcedefinitions.apiextensions.k8s.io network-attachment-definitions.k8s.cni.cncf.io");
        assertThatThrownBy(() -> PermissionCheck.requireAll(client)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lack 3 right(s)")
                .hasMessageContaining("create virtualmachines.kubevirt.io")
                .hasMessageContaining("watch namespaces")
                .hasMessageContaining("get customresourcedefinitions.apiextensions.k8s.io"
                        + " network-attachment-definitions.k8s.cni.cncf.io")
                .hasMessageNotContaining("delete");
    }

    @Test
    void theChartsRoleGrantsEveryRightChecked() {
        ClusterRole role = HelmChart.render(Map.of()).one(ClusterRole.class);
        List<PermissionCheck.Grant> notGranted = PermissionCheck.required().stream()
                .filter(grant -> role.getRules().stream().noneMatch(new ClusterRbacTest.Call(grant.group(),
                        grant.resource(), grant.verb(), grant.name())::allowedBy))
                .toList();
        assertThat(notGranted).isEmpty();
    }
}
