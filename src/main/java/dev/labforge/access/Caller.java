package dev.labforge.access;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The authenticated user behind a request, as the database said when the request began. Controllers
 * take it as a method parameter; a request that outlives its start (an event stream) asks
 * {@link Credentials} whether it still holds.
 *
 * @param credential what the request authenticated with, for the audit log: {@code token:<id>} for
 *                   an API token, {@code oidc:<issuer>#<token id or subject>} for a single sign-on token
 * @param expiresAt  when that credential stops working; null for an API token without expiry
 */
public record Caller(UUID userId, String username, boolean admin, String credential, Instant expiresAt) {

    private static final String API_TOKEN = "token:";

    public static String apiToken(UUID tokenId) {
        return API_TOKEN + tokenId;
    }

    /** The API token the request authenticated with; empty for single sign-on. */
    public Optional<UUID> apiTokenId() {
        return credential.startsWith(API_TOKEN)
                ? Optional.of(UUID.fromString(credential.substring(API_TOKEN.length()))) : Optional.empty();
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
