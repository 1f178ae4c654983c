package dev.labforge.access.oidc;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Single sign-on with an OpenID Connect provider. Off while {@code issuer} is unset.
 *
 * @param issuer           the provider's issuer URL, exactly as tokens carry it in {@code iss}
 * @param jwksUri          where its signing keys are; unset reads {@code jwks_uri} from the issuer's
 *                         discovery document, on the first token rather than at start, so LabForge
 *                         starts while the provider is down
 * @param audience         a token's {@code aud} must contain this (the client id LabForge is known by
 *                         at the provider); required with an issuer, since a token minted for any other
 *                         application of the same provider would otherwise be accepted here
 * @param usernameClaim    the claim a new user's LabForge name is made from
 * @param groupsClaim      the claim listing the user's groups, matched against teams' idp groups
 * @param allowedClockSkew tolerance for {@code exp} and {@code nbf} between our clock and the provider's
 * @param clientSecret     for signing in to the web page: the client secret, when the provider knows LabForge as a
 *                         confidential client; unset for a public client (PKCE alone)
 * @param scopes           for signing in to the web page: the scopes asked for (openid is required)
 */
@Validated
@ConfigurationProperties("labforge.oidc")
public record OidcProperties(String issuer,
                             URI jwksUri,
                             String audience,
                             @DefaultValue("preferred_username") @NotBlank String usernameClaim,
                             @DefaultValue("groups") @NotBlank String groupsClaim,
                             @DefaultValue("60s") @NotNull Duration allowedClockSkew,
                             String clientSecret,
                             @DefaultValue("openid profile email") @NotBlank String scopes) {

    boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }

    @AssertTrue(message = "must be an absolute http or https URL")
    boolean isIssuerAnUrl() {
        return !enabled() || isHttpUrl(issuer);
    }

    @AssertTrue(message = "must be an absolute http or https URL")
    boolean isJwksUriAnUrl() {
        return jwksUri == null || isHttpUrl(jwksUri.toString());
    }

    @AssertTrue(message = "labforge.oidc.audience is required when labforge.oidc.issuer is set")
    boolean isAudienceGiven() {
        return !enabled() || (audience != null && !audience.isBlank());
    }

    @AssertTrue(message = "must not be negative")
    boolean isAllowedClockSkewNotNegative() {
        return allowedClockSkew == null || !allowedClockSkew.isNegative();
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
