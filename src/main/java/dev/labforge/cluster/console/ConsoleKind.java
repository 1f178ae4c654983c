package dev.labforge.cluster.console;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Which console of a node: its serial line (a terminal's bytes) or its screen (RFB bytes for a VNC client). */
enum ConsoleKind {
    SERIAL,
    VNC;

    @JsonValue
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ConsoleKind> parse(String label) {
        for (ConsoleKind kind : values()) {
            if (kind.label().equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
