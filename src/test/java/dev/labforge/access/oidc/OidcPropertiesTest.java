package dev.labforge.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class OidcPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OidcProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void offByDefaultWithDocumentedDefaults() {
        context.run(started -> {
            OidcProperties properties = started.getBean(OidcProperties.class);
            assertThat(properties.enabled()).isFalse();
            assertThat(properties.usernameClaim()).isEqualTo("preferred_username");
            assertThat(properties.groupsClaim()).isEqualTo("groups");
            assertThat(properties.allowedClockSkew()).isEqualTo(Duration.ofSeconds(60));
        });
    }

    @Test
    void anIssuerNeedsAnAudience() {
        context.withPropertyValues("labforge.oidc.issuer=https://idp.example/realms/labs")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("labforge.oidc.audience is required"));
        context.withPropertyValues("labforge.oidc.issuer=https://idp.example/realms/labs",
                        "labforge.oidc.audience=labforge")
                .run(started -> assertThat(started.getBean(OidcProperties.class).enabled()).isTrue());
    }

    @Test
    void theIssuerAndKeySetAreUrls() {
        context.withPropertyValues("labforge.oidc.issuer=idp.example", "labforge.oidc.audience=labforge")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("issuerAnUrl"));
        context.withPropertyValues("labforge.oidc.issuer=https://idp.example", "labforge.oidc.audience=labforge",
                        "labforge.oidc.jwks-uri=ftp://idp.example/keys")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("jwksUriAnUrl"));
    }
}
