package dev.labforge.access.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.labforge.access.user.Usernames;
import dev.labforge.api.ServiceUnavailable;
import dev.labforge.api.Unauthenticated;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a single sign-on token: signed with an asymmetric algorithm by a key the identity provider
 * publishes, issued by the configured issuer for this service, and current. Every refusal says why.
 * Keys are cached; a token naming a key not seen yet makes one refresh (key rotation), rate limited so
 * that made-up key ids cannot hammer the provider.
 */
class OidcTokenVerifier {

    private static final Logger log = LoggerFactory.getLogger(OidcTokenVerifier.class);

    // never "none" and never HMAC: a shared secret would let anyone holding it mint tokens
    static final List<JWSAlgorithm> ACCEPTED = List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256);
    // ID tokens and access tokens (RFC 9068); other JWTs of the same provider, such as logout tokens, are not logins
    private static final Set<String> TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");
    private static final int HTTP_TIMEOUT_MILLIS = 2_000;
    private static final int HTTP_SIZE_LIMIT = 256 * 1024;
    private static final int MAX_DISPLAY_NAME = 200;
    private static final String UNAVAILABLE = "the identity provider's signing keys cannot be fetched right now,"
            + " so the token cannot be checked; try again shortly";

    private final OidcProperties properties;
    private final IssuerKeys keys;
    /** Whether a token is current is a time decision: the service's clock decides it, as every other. */
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    OidcTokenVerifier(OidcProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.keys = new IssuerKeys(properties.issuer(), properties.jwksUri(),
                new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, HTTP_SIZE_LIMIT));
        var source = JWKSourceBuilder.create(keys)
                .refreshAheadCache(false) // no background threads: a refresh happens when a request needs it
                .retrying(true)
                .outageTolerant(true)     // keys already known keep working while the provider is down
                .build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.copyOf(ACCEPTED), source));
        // type and claims are checked in verify(), so that each refusal can name its reason
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWTClaimsSetVerifier(null);
    }

    OidcToken verify(String bearer) {
        SignedJWT jwt = signed(bearer);
        JWTClaimsSet claims = claims(jwt);
        // checked before the signature: a token of another issuer must not make us fetch keys
        if (!properties.issuer().equals(claims.getIssuer())) {
            throw new Unauthenticated("the token was not issued by the configured identity provider (its iss is '"
                    + abbreviate(claims.getIssuer()) + "')");
        }
        checkSignature(jwt);
        checkClaims(claims);
        return new OidcToken(claims.getIssuer(), claims.getSubject(), claims.getJWTID(), username(claims),
                displayName(claims), groups(claims), claims.getExpirationTime().toInstant());
    }

    private static SignedJWT signed(String bearer) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(bearer);
        } catch (ParseException e) {
            throw new Unauthenticated("the token is not a well-formed JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new Unauthenticated(jwt instanceof EncryptedJWT ? "encrypted tokens are not accepted"
                    : "the token is not signed (alg none); it must be signed with one of " + ACCEPTED);
        }
        JWSHeader header = signed.getHeader();
        if (!ACCEPTED.contains(header.getAlgorithm())) {
            throw new Unauthenticated("the token is signed with " + header.getAlgorithm()
                    + "; it must be signed with one of " + ACCEPTED);
        }
        JOSEObjectType type = header.getType();
        if (type != null && !TYPES.contains(type.getType().toLowerCase(Locale.ROOT))) {
            throw new Unauthenticated("tokens of type '" + abbreviate(type.getType()) + "' are not accepted;"
                    + " send an ID token or an access token");
        }
        return signed;
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Unauthenticated("the token's claims cannot be read: " + e.getMessage());
        }
    }

    private void checkSignature(SignedJWT jwt) {
        try {
            processor.process(jwt, null);
        } catch (BadJWSException e) {
            throw new Unauthenticated("the token's signature does not verify");
        } catch (BadJOSEException e) {
            throw unknownKey();
        } catch (RateLimitReachedException e) {
            // keys were fetched moments ago: a key id that was not among them is not the provider's
            if (keys.everLoaded()) {
                throw unknownKey();
            }
            throw new ServiceUnavailable(UNAVAILABLE);
        } catch (KeySourceException e) {
            log.warn("cannot fetch the signing keys of {}: {}", properties.issuer(), e.getMessage());
            throw new ServiceUnavailable(UNAVAILABLE);
        } catch (JOSEException e) {
            throw new Unauthenticated("the token's signature cannot be checked: " + e.getMessage());
        }
    }

    private static Unauthenticated unknownKey() {
        return new Unauthenticated("the token is signed with a key the identity provider does not publish");
    }

    private void checkClaims(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new Unauthenticated("the token has no expiry time (exp)");
        }
        if (!now.isBefore(expires.toInstant().plus(properties.allowedClockSkew()))) {
            throw new Unauthenticated("the token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(properties.allowedClockSkew()).isBefore(notBefore.toInstant())) {
            throw new Unauthenticated("the token is not valid yet (nbf)");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(properties.audience())) {
            throw new Unauthenticated("the token was not issued for this service: its audience (aud) does not"
                    + " include '" + properties.audience() + "'");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new Unauthenticated("the token names no subject (sub)");
        }
    }

    /** The configured claim, else the e-mail address, else the subject: the first that gives a valid name. */
    private String username(JWTClaimsSet claims) {
        return Stream.of(string(claims, properties.usernameClaim()), string(claims, "email"), claims.getSubject())
                .map(Usernames::normalise).flatMap(Optional::stream).findFirst().orElse(null);
    }

    private static String displayName(JWTClaimsSet claims) {
        String name = string(claims, "name");
        if (name == null || name.isBlank()) {
            return null;
        }
        name = name.strip();
        return name.length() <= MAX_DISPLAY_NAME ? name : name.substring(0, MAX_DISPLAY_NAME);
    }

    /** A list of strings, or one string; a token without the claim is in no group. */
    private Set<String> groups(JWTClaimsSet claims) {
        Object value = claims.getClaim(properties.groupsClaim());
        if (value instanceof String group) {
            return Set.of(group);
        }
        if (value instanceof Collection<?> groups) {
            return groups.stream().filter(String.class::isInstance).map(String.class::cast)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    private static String string(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value ? value : null;
    }

    private static String abbreviate(String value) {
        return value == null ? "" : value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }
}
