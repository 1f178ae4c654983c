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
 * names its labs uniquely. A subclass that adds configuration or properties of its own gets a context of its own
 * beside the shared one, on the same database: it must close it after its class ({@code @DirtiesContext}), or that
 * context keeps the reconciler's lease and the shared context's tests wait for it.
 *
 * <p>The context has what any test may measure with, each idle until a request asks for it by a header: the clock
 * the test moves ({@link MovableClock}), the count of a request's database round trips ({@link RoundTrips}) and of
 * the bytes it allocates ({@link RequestAllocations}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({MovableClock.Config.class, RoundTrips.Config.class, RequestAllocations.Config.class}) // one context for all
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
