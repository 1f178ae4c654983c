package dev.labforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The chart as Helm lints and renders it, under the value sets the README describes. */
class HelmChartTest {

    @Test
    void lintsCleanInStrictMode() {
        LintResult lint = HelmChart.helm().lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ha.yaml", "ingress.yaml", "external-secret.yaml"})
    void everyValueSetRendersARestrictedPodThatDrivesTheRealCluster(String values) {
        Manifests rendered = HelmChart.render(values.isEmpty() ? null : values, Map.of());
        PodSpec pod = rendered.one(Deployment.class).getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getVolumeMounts()).extracting("mountPath").contains("/tmp", "/data", "/config");

        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");

        // in-cluster mode: the service account's token is mounted, and nothing points LabForge elsewhere
        assertThat(pod.getAutomountServiceAccountToken()).isTrue();
        assertThat(pod.getServiceAccountName()).isEqualTo(rendered.one(ServiceAccount.class).getMetadata().getName());
        assertThat(container.getEnv()).extracting(EnvVar::getName)
                .doesNotContain("LABFORGE_CLUSTER_KUBECONFIG", "LABFORGE_CLUSTER_SIMULATED")
                .contains("LABFORGE_ADMIN_TOKEN");
        ClusterRoleBinding binding = rendered.one(ClusterRoleBinding.class);
        assertThat(binding.getSubjects().getFirst().getName()).isEqualTo(pod.getServiceAccountName());
        assertThat(binding.getSubjects().getFirst().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
    }

    @Test
    void byDefaultRunsOneReplicaOnTheEmbeddedDatabaseAndGeneratesTheAdminToken() {
        Manifests rendered = HelmChart.render(Map.of());
        Deployment deployment = rendered.one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(env(deployment, "SPRING_DATASOURCE_URL")).isEmpty();
        assertThat(rendered.all(PodDisruptionBudget.class)).isEmpty();

        Secret token = rendered.named(Secret.class, "lf-labforge-admin-token").orElseThrow();
        String value = new String(Base64.getDecoder().decode(token.getData().get("token")));
        assertThat(value).startsWith("lf_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(token.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
        assertThat(env(deployment, "LABFORGE_ADMIN_TOKEN").orElseThrow().getValueFrom().getSecretKeyRef())
                .satisfies(ref -> {
                    assertThat(ref.getName()).isEqualTo("lf-labforge-admin-token");
                    assertThat(ref.getKey()).isEqualTo("token");
                });
    }

    @Test
    void anUpgradeKeepsTheAdminTokenAnEarlierInstallGenerated() {
        String name = "lf-labforge-admin-token";
        String first = adminToken(HelmChart.render(Map.of()));
        assertThat(adminToken(HelmChart.render(Map.of()))).as("no Secret yet: a new token each time")
                .isNotEqualTo(first);

        HelmChart.cluster().expect().get().withPath("/api/v1/namespaces/" + HelmChart.NAMESPACE + "/secrets/" + name)
                .andReturn(200, new SecretBuilder().withNewMetadata().withName(name)
                        .withNamespace(HelmChart.NAMESPACE).endMetadata()
                        .addToData("token", Base64.getEncoder().encodeToString(first.getBytes())).build())
                .once();
        assertThat(adminToken(HelmChart.render(Map.of()))).isEqualTo(first);
    }

    @Test
    void highAvailabilityRunsThreeReplicasOnTheNamedDatabaseWithABudgetAndSpread() {
        Manifests rendered = HelmChart.render("ha.yaml", Map.of());
        Deployment deployment = rendered.one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()).isNotNull();
        assertThat(rendered.one(PodDisruptionBudget.class).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);

        Secret database = rendered.named(Secret.class, "lf-labforge-database").orElseThrow();
        assertThat(database.getStringData()).containsEntry("url", "jdbc:postgresql://postgres.db.svc:5432/labforge")
                .containsEntry("username", "labforge").containsEntry("password", "s3cret");
        assertThat(env(deployment, "SPRING_DATASOURCE_URL").orElseThrow().getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("lf-labforge-database");
        assertThat(env(deployment, "LABFORGE_OIDC_ISSUER").orElseThrow().getValue())
                .isEqualTo("https://sso.example.org/realms/labs");
        assertThat(env(deployment, "LABFORGE_OIDC_AUDIENCE").orElseThrow().getValue()).isEqualTo("labforge");

        String config = rendered.one(io.fabric8.kubernetes.api.model.ConfigMap.class).getData().get("application.yaml");
        assertThat(config).contains("link-driver: vlan").contains("trunk-bridge: br-lab");

        NetworkPolicy policy = rendered.one(NetworkPolicy.class);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(policy.getSpec().getIngress()).hasSize(2);
        assertThat(policy.getSpec().getIngress().getFirst().getFrom()).hasSize(1);
        // Prometheus may scrape the HTTP port from its namespace, though the API is open to the ingress only
        NetworkPolicyIngressRule scrape = policy.getSpec().getIngress().get(1);
        assertThat(scrape.getPorts()).singleElement().satisfies(port ->
                assertThat(port.getPort().getStrVal()).isEqualTo("http"));
        assertThat(scrape.getFrom()).singleElement().satisfies(peer ->
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", "monitoring"));

        GenericKubernetesResource monitor = rendered.kind("ServiceMonitor").orElseThrow();
        ServiceMonitorShape.check(monitor);
        assertThat((String) monitor.get("spec", "endpoints", 0, "path")).isEqualTo("/actuator/prometheus");
    }

    @Test
    void theGrafanaDashboardShipsInALabelledConfigMapWhenAskedFor() throws Exception {
        assertThat(HelmChart.render(Map.of()).named(ConfigMap.class, "lf-labforge-dashboard")).isEmpty();

        ConfigMap dashboard = HelmChart.render(Map.of("metrics.dashboard.enabled", true,
                "metrics.dashboard.annotations.grafana_folder", "LabForge")).named(ConfigMap.class,
                "lf-labforge-dashboard").orElseThrow();
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getMetadata().getAnnotations()).containsEntry("grafana_folder", "LabForge");
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(dashboard.getData().get("labforge.json")))
                .isEqualTo(json.readTree(Files.readString(Dashboard.FILE)));
    }

    @Test
    void structuredLogsAreOneSettingAway() {
        assertThat(env(HelmChart.render(Map.of()).one(Deployment.class), "LOGGING_STRUCTURED_FORMAT_CONSOLE"))
                .isEmpty();
        Deployment deployment = HelmChart.render(Map.of("logging.format", "ecs")).one(Deployment.class);
        assertThat(env(deployment, "LOGGING_STRUCTURED_FORMAT_CONSOLE").orElseThrow().getValue()).isEqualTo("ecs");
    }

    @Test
    void theIngressKeepsLongStreamsOpenAndTerminatesTls() {
        Ingress ingress = HelmChart.render("ingress.yaml", Map.of()).one(Ingress.class);
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls().getFirst().getSecretName()).isEqualTo("labs-example-org-tls");
        assertThat(ingress.getSpec().getRules().getFirst().getHost()).isEqualTo("labs.example.org");
        assertThat(ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend().getService()
                .getPort().getName()).isEqualTo("http");
    }

    @Test
    void existingSecretsAreReferencedAndTheChartCreatesNoneOfItsOwn() {
        Manifests rendered = HelmChart.render("external-secret.yaml", Map.of());
        Deployment deployment = rendered.one(Deployment.class);
        assertThat(rendered.all(Secret.class)).isEmpty();
        assertThat(env(deployment, "SPRING_DATASOURCE_URL").orElseThrow().getValueFrom().getSecretKeyRef())
                .satisfies(ref -> {
                    assertThat(ref.getName()).isEqualTo("labforge-db");
                    assertThat(ref.getKey()).isEqualTo("jdbc-url");
                });
        assertThat(env(deployment, "SPRING_DATASOURCE_PASSWORD").orElseThrow().getValueFrom().getSecretKeyRef()
                .getKey()).isEqualTo("pass");
        assertThat(env(deployment, "LABFORGE_ADMIN_TOKEN").orElseThrow().getValueFrom().getSecretKeyRef())
                .satisfies(ref -> {
                    assertThat(ref.getName()).isEqualTo("labforge-admin");
                    assertThat(ref.getKey()).isEqualTo("api-token");
                });
    }

    @Test
    void aChangeOfTheSettingsRollsThePods() {
        String before = checksum(HelmChart.render(Map.of()));
        String after = checksum(HelmChart.render(Map.of("config.labforge.cluster.workers", 4)));
        assertThat(after).isNotEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "replicaCount=three",                 // a string where a number belongs
            "replicas=3",                         // a misspelt key
            "replicaCount=2",                     // two replicas, each with its own embedded database
            "oidc.issuer=https://sso.example.org", // single sign-on without an audience
            "database.url=postgres://db/labforge", // not a JDBC URL
            "image.pullPolicy=Sometimes",
            "ingress.tls.enabled=yes",
            "logging.format=json",                // not one of Spring Boot's structured formats
            "metrics.dashboard.enable=true"})
    void anInvalidValueFailsAtInstallAgainstTheSchema(String assignment) {
        String[] parts = assignment.split("=", 2);
        assertThatThrownBy(() -> HelmChart.render(Map.of(parts[0], parts[1])))
                .hasMessageContaining("values don't meet the specifications of the schema");
    }

    @Test
    void theStrictParserRefusesAMisspeltOrMistypedField() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: c
                          image: i
                          securityContext: {readOnlyRootFilesytem: true}
                """;
        assertThatThrownBy(() -> Manifests.parseObject(deployment)).hasMessageContaining("readOnlyRootFilesytem");
        assertThatThrownBy(() -> Manifests.parseObject(deployment.replace("replicas: 1", "replicas: \"1\"")
                .replace("readOnlyRootFilesytem", "readOnlyRootFilesystem"))).hasMessageContaining("replicas");
        assertThat(Manifests.parseObject(deployment.replace("readOnlyRootFilesytem", "readOnlyRootFilesystem")))
                .isInstanceOf(Deployment.class);
    }

    /**
     * Kubernetes kills the pod when its grace period ends, preStop pause included: the default period must cover the
     * pause and LabForge's own bounded stop (ShutdownTest measures that stop on a running service).
     */
    @Test
    void theGracePeriodCoversThePreStopPauseAndLabForgesBoundedStop() {
        PodSpec pod = HelmChart.render(Map.of()).one(Deployment.class).getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();
        assertThat(container.getLifecycle().getPreStop().getExec().getCommand()).containsExactly("sleep", "5");
        assertThat(pod.getTerminationGracePeriodSeconds()).as("Kubernetes' default").isEqualTo(30L)
                .isGreaterThanOrEqualTo(5 + dev.labforge.cluster.ShutdownTest.BOUND.toSeconds());

        PodSpec noPause = HelmChart.render(Map.of("shutdown.preStopSleepSeconds", 0)).one(Deployment.class)
                .getSpec().getTemplate().getSpec();
        assertThat(noPause.getContainers().getFirst().getLifecycle()).isNull();
        assertThatThrownBy(() -> HelmChart.render(Map.of("shutdown.preStopSleepSeconds", "soon")))
                .hasMessageContaining("preStopSleepSeconds");
    }

    private static Optional<EnvVar> env(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(e -> e.getName().equals(name)).findFirst();
    }

    private static String adminToken(Manifests rendered) {
        return new String(Base64.getDecoder().decode(rendered.named(Secret.class, "lf-labforge-admin-token")
                .orElseThrow().getData().get("token")));
    }

    private static String checksum(Manifests rendered) {
        return rendered.one(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations()
                .get("checksum/config");
    }
}
