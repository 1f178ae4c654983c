package dev.labforge.access.oidc;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single sign-on tokens whose signature and claims were verified, by a hash of the token, until the token
 * expires. Only what the token itself says is kept, never what the database says about its user (disabled,
 * admin): that is read at every request. Bounded: when full it starts afresh, which costs a few verifications.
 */
class VerifiedTokens {

    private static final int MAX_CACHED = 10_000;

    private final Map<String, OidcToken> entries = new ConcurrentHashMap<>();

    Optional<OidcToken> get(String key, Instant now) {
        OidcToken token = entries.get(key);
        if (token == null) {
            return Optional.empty();
        }
        if (!now.isBefore(token.expiresAt())) {
            entries.remove(key, token);
            return Optional.empty();
        }
        return Optional.of(token);
    }

    void put(String key, OidcToken token) {
        if (entries.size() >= MAX_CACHED) {
            entries.clear();
        }
        entries.put(key, token);
    }
}
