package dev.labforge.cluster;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that judge the service's work in total (every write it sends, every meter it serves): they run a
 * service of their own, on a database and a simulated cluster of their own. The shared service's threads resync,
 * record and tear down the other tests' labs meanwhile, and neither a gauge nor a namespace create tells whose lab it
 * was for. The test classes deriving from this share one such service (one Spring context, made once); each leaves
 * its labs settled, so that what another counts after it is that one's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class QuietServiceTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IntegrationTest.service(registry, TestDatabase.own("labforge_quiet_service"));
    }

    @LocalServerPort
    protected int port;

    /** A new user of the quiet service, with the catalog's images in place. */
    protected ApiClient newUser() {
        ApiClient admin = new ApiClient(port, IntegrationTest.ADMIN_TOKEN);
        Catalog.ensure(admin);
        return admin.newUser();
    }
}
