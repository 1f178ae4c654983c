package dev.labforge.access.oidc;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import dev.labforge.access.AccountDisabled;
import dev.labforge.access.Caller;
import dev.labforge.access.IdpGroupsSeen;
import dev.labforge.access.token.TokenAuthenticator;
import dev.labforge.access.token.TokenSecret;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Single sign-on: a bearer token from the configured OpenID Connect provider. The first time a token is
 * seen it is verified, its user found or created, and the user's idp team memberships brought in line
 * with its groups claim (and {@link IdpGroupsSeen} published, for courses). What the token says is then remembered until it expires (it cannot change);
 * what the database says about its user (disabled, admin) is read at every request, for the reasons
 * {@link TokenAuthenticator} gives.
 */
@Component
public class OidcAuthenticator {

    // three base64url segments; an empty signature is let through, so that an unsigned token is refused by name
    private static final Pattern JWS_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final OidcTokenVerifier verifier;
    private final OidcIdentities identities;
    private final IdpGroupMemberships memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final VerifiedTokens verified = new VerifiedTokens();

    OidcAuthenticator(OidcProperties properties, OidcIdentities identities, IdpGroupMemberships memberships,
                      ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.events = events;
        this.identities = identities;
        this.memberships = memberships;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.verifier = properties.enabled() ? new OidcTokenVerifier(properties, this.clock) : null;
    }

    /** Whether the bearer value is ours: single sign-on is on and the value is a JWS, not an API token. */
    public boolean accepts(String bearer) {
        return verifier != null && !bearer.startsWith(TokenSecret.PREFIX) && JWS_SHAPE.matcher(bearer).matches()
                && hasJoseHeader(bearer);
    }

    /** @throws AccountDisabled when the token is good but its user is disabled */
    public Caller authenticate(String bearer) {
        String key = HexFormat.of().formatHex(sha256(bearer));
        Optional<OidcToken> known = verified.get(key, clock.instant());
        OidcToken token = known.orElseGet(() -> verifier.verify(bearer));
        Caller caller = caller(token);
        if (known.isEmpty()) {
            memberships.follow(caller, token.groups());
            events.publishEvent(new IdpGroupsSeen(caller, token.groups()));
            verified.put(key, token);
        }
        return caller;
    }

    /**
     * An ID token from the web page's sign-in, mapped to its user exactly as a bearer token is, team memberships
     * brought in line with its groups.
     *
     * @throws AccountDisabled when the token is good but its user is disabled
     */
    Caller signIn(OidcToken token) {
        Caller caller = caller(token);
        memberships.follow(caller, token.groups());
        return caller;
    }

    /** Checks a token as a bearer token is checked: issuer, signature, audience, expiry. */
    OidcToken verify(String jwt) {
        return verifier.verify(jwt);
    }

    private Caller caller(OidcToken token) {
        OidcIdentities.Account account = identities.resolve(token);
        if (account.disabled()) {
            throw new AccountDisabled(account.username());
        }
        return new Caller(account.userId(), account.username(), account.admin(), token.credential(),
                token.expiresAt());
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
