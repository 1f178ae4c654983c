package dev.labforge.access;

import java.time.Instant;
import java.util.UUID;

record UserView(UUID id, String username, String displayName, boolean admin, Instant createdAt) {

    static UserView from(User user) {
        return new UserView(user.getId(), user.username(), user.displayName(), user.admin(), user.createdAt());
    }
}
