package dev.labforge;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole service over HTTP on a random port against real PostgreSQL.
 * All such tests share one Spring context and one database, so each creates its own users and
 * names its labs uniquely.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class) // the system's time unless a test sets it: one context for all
public abstract class IntegrationTest {

    public static final String ADMIN_TOKEN = "lf_test-admin-token-0123456789";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        service(registry, TestDatabase.get());
    }

    /** What every test's service runs with, on {@code db}: for a test that runs a service of its own. */
    public static void service(DynamicPropertyRegistry registry, TestDatabase.Connection db) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        // at JVM exit the database's shutdown hook races the context's: without this, closing the
        // context waits out Hikari's default 30 s for a connection to a database that is gone
        registry.add("spring.datasource.hikari.connection-timeout", () -> "3000");
        registry.add("labforge.access.admin-token", () -> ADMIN_TOKEN);
        registry.add("labforge.access.admin-token-file", () -> "");
        registry.add("labforge.cluster.boot-delay", () -> "50ms");
        registry.add("labforge.cluster.resync", () -> "2s");
    }

    protected ApiClient api() {
        return new ApiClient(port, ADMIN_TOKEN);
    }

    protected ApiClient anonymous() {
        return new ApiClient(port, null);
    }
}
