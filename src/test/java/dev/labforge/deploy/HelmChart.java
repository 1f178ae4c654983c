package dev.labforge.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The chart in {@code helm/labforge}, rendered by real Helm (helm-java embeds it as a native library).
 *
 * <p>helm-java's template command evaluates {@code lookup} against a cluster (the Helm CLI's {@code template} would
 * not), and the chart looks up its admin token Secret. So the tests give Helm an API server: the fabric8 mock
 * server, named in the kubeconfig at {@code target/helm-kubeconfig.yaml} that Surefire's {@code KUBECONFIG} points
 * to. It answers the lookup from its store, which lets a test put an earlier install's Secret there.
 */
public final class HelmChart {

    public static final Path DIRECTORY = Path.of("helm", "labforge");
    public static final String RELEASE = "lf";
    public static final String NAMESPACE = "labforge-system";

    private static KubernetesMockServer server;

    private HelmChart() {
    }

    public static Helm helm() {
        return new Helm(DIRECTORY);
    }

    /** {@code helm template} with a values file from src/test/resources/helm (or none) and single values. */
    public static Manifests render(String valuesFile, Map<String, Object> values) {
        cluster();
        TemplateCommand template = helm().template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            template.withValuesFile(Path.of("src", "test", "resources", "helm", valuesFile));
        }
        values.forEach(template::set);
        return Manifests.parse(template.call());
    }

    public static Manifests render(Map<String, Object> values) {
        return render(null, values);
    }

    /** The API server Helm's lookups reach, started on first use; it answers 404 unless told otherwise. */
    static synchronized KubernetesMockServer cluster() {
        if (server == null) {
            server = new KubernetesMockServer();
            server.init();
            // lookup first asks discovery which resources the group version has (Helm adds its client timeout;
            // without this answer client-go takes a 404 on /api/v1 for "no resources", and lookup asks nonsense)
            server.expect().get().withPath("/api/v1?timeout=32s").andReturn(200, new APIResourceListBuilder()
                    .withGroupVersion("v1").addToResources(new APIResourceBuilder().withName("secrets")
                            .withKind("Secret").withNamespaced(true).withVerbs("get", "list").build())
                    .build()).always();
            writeKubeconfig(server.url("/"));
        }
        return server;
    }

    private static void writeKubeconfig(String url) {
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig == null) {
            throw new IllegalStateException("KUBECONFIG is unset: Surefire sets it (pom.xml) for Helm's lookups");
        }
        try {
            Files.createDirectories(Path.of(kubeconfig).toAbsolutePath().getParent());
            Files.writeString(Path.of(kubeconfig), """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
                    users: [{name: mock, user: {token: mock}}]
                    contexts: [{name: mock, context: {cluster: mock, user: mock}}]
                    current-context: mock
                    """.formatted(url));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
