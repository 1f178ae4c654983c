package dev.labforge.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.UUID;

/** Who a lab belongs to, and whose quota it counts against: one user or one team. */
public record Owner(Kind kind, UUID id) {

    public enum Kind {
        USER, TEAM;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Owner user(UUID id) {
        return new Owner(Kind.USER, id);
    }

    public static Owner team(UUID id) {
        return new Owner(Kind.TEAM, id);
    }

    @Override
    public String toString() {
        return kind.label() + ":" + id;
    }
}
