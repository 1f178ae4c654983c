package dev.labforge.access;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Single sign-on: a bearer token from the configured OpenID Connect provider. The first time a token is
 * seen it is verified, its user found or created, and the user's idp team memberships brought in line
 * with its groups claim; then the caller is remembered for a short while, never past the token's expiry.
 */
@Component
class OidcAuthenticator {

    // three base64url segments; an empty signature is let through, so that an unsigned token is refused by name
    private static final Pattern JWS_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final OidcTokenVerifier verifier;
    private final OidcIdentities identities;
    private final IdpGroupMemberships memberships;
    private final Duration cacheTtl;
    private final CallerCache cache = new CallerCache();

    OidcAuthenticator(OidcProperties properties, AccessProperties access, OidcIdentities identities,
                      IdpGroupMemberships memberships) {
        this.verifier = properties.enabled() ? new OidcTokenVerifier(properties) : null;
        this.identities = identities;
        this.memberships = memberships;
        this.cacheTtl = access.tokenCacheTtl();
    }

    /** Whether the bearer value is ours: single sign-on is on and the value is a JWS, not an API token. */
    boolean accepts(String bearer) {
        return verifier != null && !bearer.startsWith(TokenSecret.PREFIX) && JWS_SHAPE.matcher(bearer).matches()
                && hasJoseHeader(bearer);
    }

    Caller authenticate(String bearer) {
        String key = HexFormat.of().formatHex(sha256(bearer));
        Instant now = Instant.now();
        Optional<Caller> cached = cache.get(key, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        OidcToken token = verifier.verify(bearer);
        OidcIdentities.Account account = identities.resolve(token);
        Caller caller = new Caller(account.userId(), account.username(), account.admin(), token.credential());
        memberships.follow(caller, token.groups());
        Instant until = now.plus(cacheTtl);
        cache.put(key, caller, until.isBefore(token.expiresAt()) ? until : token.expiresAt());
        return caller;
    }

    /** An administrator's own choice of API token may contain dots; a JWS starts with a JSON header. */
    private static boolean hasJoseHeader(String bearer) {
        try {
            Header.parse(new Base64URL(bearer.substring(0, bearer.indexOf('.'))));
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
