package dev.labforge.access.oidc;

import java.time.Instant;
import java.util.Set;

/**
 * What a verified single sign-on token says about its holder.
 *
 * @param tokenId  the token's {@code jti}, when it has one
 * @param username the LabForge name a new user gets, already normalised; null when the claims offer none
 * @param groups   the groups claim; empty when the token has none
 */
record OidcToken(String issuer, String subject, String tokenId, String username, String displayName,
                 Set<String> groups, Instant expiresAt) {

    /** How the audit log names this credential: the issuer, and the token id or else the subject. */
    String credential() {
        return "oidc:" + issuer + "#" + (tokenId != null ? tokenId : subject);
    }
}
