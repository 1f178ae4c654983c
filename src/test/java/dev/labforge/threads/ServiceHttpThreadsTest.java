package dev.labforge.threads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * In the whole service, as configured (application.yaml turns virtual threads on), the running Tomcat connector
 * hands its work to the {@code http} pool's executor: nothing else in the service replaces it after
 * {@link HttpThreads}. ({@link HttpThreadsTest} shows a handler running on it.)
 */
class ServiceHttpThreadsTest extends IntegrationTest {

    @Autowired
    WebServerApplicationContext context;
    @Autowired
    HttpThreads httpThreads;

    @Test
    void theRunningConnectorUsesTheHttpPool() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();

        assertThat(server.getTomcat().getConnector().getProtocolHandler().getExecutor())
                .isSameAs(httpThreads.executor());
    }
}
