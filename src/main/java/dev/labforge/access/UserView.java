package dev.labforge.access;

import java.time.Instant;
import java.util.UUID;

/** @param disabledAt when an administrator disabled the user; null while the user may act */
record UserView(UUID id, String username, String displayName, boolean admin, boolean disabled, Instant disabledAt,
                Instant createdAt) {

    static UserView from(User user) {
        return new UserView(user.getId(), user.username(), user.displayName(), user.admin(),
                user.disabledAt() != null, user.disabledAt(), user.createdAt());
    }
}
