package dev.labforge.containerlab;

/**
 * Something in the containerlab file that LabForge did not take over as written.
 *
 * @param pointer RFC 6901 pointer into the YAML document, e.g. {@code /topology/nodes/r1/binds}
 * @param message what was left out or changed, and why
 */
public record ImportWarning(String pointer, String message) {
}
