package dev.labforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI is served from its webjar by springdoc's own resource chain: it keeps working with Spring's resource
 * chain turned off for the pages (application.yaml, spring.web.resources.chain).
 */
class SwaggerUiTest extends IntegrationTest {

    @Test
    void theSwaggerUiAndItsInitializerAreServed() {
        Response page = anonymous().get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        Response initializer = anonymous().get("/swagger-ui/swagger-initializer.js");
        assertThat(initializer.status()).isEqualTo(200);
        assertThat(initializer.body()).contains("/v3/api-docs");
        assertThat(anonymous().get("/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
    }
}
