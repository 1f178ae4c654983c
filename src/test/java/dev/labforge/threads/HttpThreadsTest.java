package dev.labforge.threads;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The request handler's thread is one of the {@code http} pool's: {@link HttpThreads} replaces the executor Tomcat
 * really runs requests on, not a parallel unused one, although Spring Boot's own virtual-thread customizer is there
 * too. On a small web service of its own (Tomcat and Spring MVC only), so that a handler can say where it runs.
 */
@SpringBootTest(classes = HttpThreadsTest.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.threads.virtual.enabled=true")
class HttpThreadsTest {

    @LocalServerPort
    int port;
    @Autowired
    VirtualThreads threads;

    @Test
    void aRequestRunsOnAThreadOfTheHttpPool() throws Exception {
        long before = threads.pool(VirtualThreads.HTTP).started();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/where")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as("the handler's thread").startsWith("http pool: true, virtual: true");
        }
        assertThat(threads.pool(VirtualThreads.HTTP).started()).isGreaterThan(before);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class})
    @Import({VirtualThreads.class, HttpThreads.class, Where.class})
    static class Service {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @RestController
    static class Where {

        private final VirtualThreads threads;

        Where(VirtualThreads threads) {
            this.threads = threads;
        }

        @GetMapping("/where")
        String where() {
            Thread current = Thread.currentThread();
            return "http pool: " + threads.pool(VirtualThreads.HTTP).runsCurrentThread() + ", virtual: "
                    + current.isVirtual() + ", name: " + current.getName();
        }
    }
}
