package dev.labforge.booking.course;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What becomes of a student's lab when a booking ends. */
public enum EndAction {
    /** Halt the VMs, keep disks and objects: the student continues next time. */
    STOP,
    /** Remove everything from the cluster, keep the definition. */
    DESTROY,
    /** Back to the template: the next booking starts from a clean lab (NETLAB+'s default). */
    RESET;

    static Optional<EndAction> parse(String label) {
        for (EndAction action : values()) {
            if (action.label().equals(label)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** What the lab is after it, for people reading its event log. */
    public String past() {
        return switch (this) {
            case STOP -> "stopped";
            case DESTROY -> "destroyed";
            case RESET -> "reset to the course's template";
        };
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
