package dev.labforge.lab;

import java.util.UUID;

/**
 * Settings a lab takes from where it came from, such as the course a student's lab was copied for. Implemented by
 * the module that knows that origin (booking, for courses) and read by modules that act on running labs, so that
 * neither needs to know the other.
 */
public interface InheritedLabSettings {

    /** Whether the lab's consoles are to be transcribed because its course says so. */
    boolean consoleTranscripts(UUID labId);
}
