package dev.labforge.booking.course;

import dev.labforge.lab.LabStatus;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a student's lab may take the template's definition again: only a lab that is not running
 * (never started, or stopped and meant to stay so). A started lab is never touched: the student may
 * be in the middle of it.
 */
final class TemplateReapply {

    /** States in which nothing of the lab runs. */
    private static final Set<String> AT_REST = Set.of("DEFINED", "STOPPED");

    private TemplateReapply() {
    }

    /** Why the lab is left as it is; empty when it may take the template. */
    static Optional<String> skipReason(Optional<LabStatus> status, boolean sameAsTemplate) {
        if (status.isPresent()) {
            LabStatus s = status.get();
            if ("RUNNING".equals(s.desired())) {
                return Optional.of("started: it is meant to run (" + s.state() + ")");
            }
            if (!AT_REST.contains(s.state())) {
                return Optional.of("not at rest: " + s.state());
            }
        }
        return sameAsTemplate ? Optional.of("already the template's definition") : Optional.empty();
    }
}
