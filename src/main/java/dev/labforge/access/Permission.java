package dev.labforge.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What a user may do with a lab. Each level includes the ones before it. */
public enum Permission {
    /** See the definition, state, events and picture. */
    VIEW,
    /** Start, stop and restart the lab and its nodes (later: consoles). */
    OPERATE,
    /** Change the topology. */
    EDIT,
    /** Share and delete the lab. */
    ADMIN;

    /** 1 for view up to 4 for admin, as the database's {@code lab_grants.rank} column counts. */
    public int rank() {
        return ordinal() + 1;
    }

    public boolean includes(Permission other) {
        return compareTo(other) >= 0;
    }

    /** The level for a rank; empty for 0 (no access). */
    public static Optional<Permission> ofRank(int rank) {
        return rank < 1 || rank > values().length ? Optional.empty() : Optional.of(values()[rank - 1]);
    }

    public static Optional<Permission> parse(String name) {
        for (Permission level : values()) {
            if (level.label().equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
