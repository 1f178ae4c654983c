package dev.labforge.booking.timetable;

import java.util.Optional;
import java.util.UUID;

/**
 * The rules of the course a lab belongs to (a student's own lab), for what runs the lab outside a booking
 * ({@code booking.adhoc}), which may not depend on the course package: the course package answers.
 */
public interface CourseRulesOfLabs {

    /** The extension rules of the lab's course as they are now; empty for a lab of no course. */
    Optional<ExtensionRules> extensionRules(UUID labId);
}
