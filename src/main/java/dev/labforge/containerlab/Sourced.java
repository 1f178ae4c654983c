package dev.labforge.containerlab;

/** A value read from the file and where it was written, so inherited values point at their real source. */
record Sourced<T>(T value, String pointer) {
}
