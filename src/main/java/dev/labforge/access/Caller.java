package dev.labforge.access;

import java.util.UUID;

/** The authenticated user behind a request. Controllers take it as a method parameter. */
public record Caller(UUID userId, String username, boolean admin, UUID tokenId) {

    public boolean owns(UUID ownerId) {
        return userId.equals(ownerId);
    }
}
