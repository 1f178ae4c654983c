package dev.labforge.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** A member's role in a team. Owners and maintainers administer the team's labs; owners also the team. */
public enum TeamRole {
    MEMBER, MAINTAINER, OWNER;

    public boolean managesLabs() {
        return this != MEMBER;
    }

    public static Optional<TeamRole> parse(String label) {
        for (TeamRole role : values()) {
            if (role.label().equals(label)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
