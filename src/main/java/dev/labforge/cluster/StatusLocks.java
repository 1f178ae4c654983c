package dev.labforge.cluster;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One writer of a lab's status at a time: a reconcile pass's status step or a {@link StatusFollower} batch. Each
 * reads the informer cache only after taking the lab's lock, so of two status writes the later is always made from
 * the later read, and a VM's state never goes back. Held for a cache read and one short transaction, never for a
 * pass's cluster writes: a lab that deploys for seconds still has its status followed meanwhile.
 */
final class StatusLocks {

    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    /** @return false when someone holds it */
    boolean tryLock(UUID lab) {
        return held.add(lab);
    }

    /** Waits for the lab's lock; its holders keep it for milliseconds. */
    void lock(UUID lab) {
        while (!held.add(lab)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    void unlock(UUID lab) {
        held.remove(lab);
    }
}
