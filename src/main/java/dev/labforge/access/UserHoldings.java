package dev.labforge.access;

import java.util.List;
import java.util.UUID;

/**
 * What a user still owns. Deleting a user who owns something is refused, naming what, rather than leaving it
 * without an owner or deleting it along; the modules that hold such things (labs) implement this, so that
 * users need to know nothing about them.
 */
public interface UserHoldings {

    /** One thing a user owns, e.g. {@code lab}, its id and its name. */
    record Holding(String kind, UUID id, String name) {
    }

    /** What the user owns, in a stable order; empty when nothing. Called under a lock on the user's row. */
    List<Holding> heldBy(UUID userId);
}
