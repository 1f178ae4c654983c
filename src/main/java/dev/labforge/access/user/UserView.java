package dev.labforge.access.user;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

record UserView(UUID id, String username, String displayName, boolean admin,
                @Schema(description = "whether an administrator has disabled the user: none of their tokens work")
                boolean disabled,
                @Schema(description = "when the user was disabled; null while they are not") Instant disabledAt,
                Instant createdAt) {

    static UserView from(User user) {
        return new UserView(user.getId(), user.username(), user.displayName(), user.admin(),
                user.disabledAt() != null, user.disabledAt(), user.createdAt());
    }
}
