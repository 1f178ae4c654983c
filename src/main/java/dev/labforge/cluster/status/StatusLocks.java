package dev.labforge.cluster.status;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One writer of a lab's status at a time: a {@link StatusFollower} batch, or a pass recording a teardown. A batch holds
 * its labs' locks from its read of their rows to its commit, so a batch that read a lab before it was to be destroyed
 * cannot overwrite the teardown's status with its own; a teardown pass waits for that batch, and a batch skips (and
 * comes back to) a lab whose teardown is being recorded. Held for milliseconds, never for a pass's cluster writes.
 */
public final class StatusLocks {

    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    /** @return false when someone holds it */
    boolean tryLock(UUID lab) {
        return held.add(lab);
    }

    /** Waits for the lab's lock; its holders keep it for milliseconds. */
    public void lock(UUID lab) {
        while (!held.add(lab)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    public void unlock(UUID lab) {
        held.remove(lab);
    }
}
