package dev.labforge.access;

import java.util.UUID;

/**
 * The authenticated user behind a request. Controllers take it as a method parameter.
 *
 * @param credential what the request authenticated with, for the audit log: {@code token:<id>} for
 *                   an API token, {@code oidc:<issuer>#<token id or subject>} for a single sign-on token
 */
public record Caller(UUID userId, String username, boolean admin, String credential) {

    static String apiToken(UUID tokenId) {
        return "token:" + tokenId;
    }
}
