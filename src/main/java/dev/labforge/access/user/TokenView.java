package dev.labforge.access.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.labforge.access.token.TokenSecret;
import java.time.Instant;
import java.util.UUID;

/** A token as listed; {@code secret} is present only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                 String secret) {

    static TokenView from(ApiToken token) {
        return new TokenView(token.getId(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
                token.lastUsedAt(), null);
    }

    static TokenView created(ApiToken token, TokenSecret secret) {
        return new TokenView(token.getId(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
                null, secret.value());
    }
}
