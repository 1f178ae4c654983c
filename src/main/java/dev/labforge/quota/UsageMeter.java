package dev.labforge.quota;

import dev.labforge.access.Owner;

/** A module that holds resources on an owner's behalf reports them here. */
public interface UsageMeter {

    /** What the owner holds through this module now; only the fields this module knows are non-zero. */
    Usage usage(Owner owner);
}
