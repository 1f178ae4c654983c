package dev.labforge.access;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Resolves a bearer token to its user. Verified tokens are remembered for a short time so that a
 * request costs no extra database round trip; revoking a token here forgets it at once.
 */
@Component
class TokenAuthenticator {

    private record Entry(Caller caller, Instant validUntil) {
    }

    private static final int MAX_CACHED = 10_000;

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final AccessProperties properties;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    TokenAuthenticator(ApiTokenRepository tokens, UserRepository users, AccessProperties properties) {
        this.tokens = tokens;
        this.users = users;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    Optional<Caller> authenticate(String secret) {
        if (secret == null || secret.length() < TokenSecret.MIN_LENGTH || secret.length() > 512) {
            return Optional.empty();
        }
        byte[] hash = new TokenSecret(secret).hash();
        String key = HexFormat.of().formatHex(hash);
        Instant now = clock.instant();
        Entry cached = cache.get(key);
        if (cached != null && now.isBefore(cached.validUntil())) {
            return Optional.of(cached.caller());
        }
        Optional<Caller> caller = tokens.findByTokenHash(hash)
                .filter(token -> !token.expiredAt(now))
                .flatMap(token -> users.findById(token.userId()).map(user -> {
                    tokens.markUsed(token.getId(), now);
                    return new Caller(user.getId(), user.username(), user.admin(), Caller.apiToken(token.getId()));
                }));
        if (caller.isPresent()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, new Entry(caller.get(), now.plus(properties.tokenCacheTtl())));
        } else {
            cache.remove(key);
        }
        return caller;
    }

    void forget(UUID tokenId) {
        String credential = Caller.apiToken(tokenId);
        cache.values().removeIf(entry -> credential.equals(entry.caller().credential()));
    }
}
