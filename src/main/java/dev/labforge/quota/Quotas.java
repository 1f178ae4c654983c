package dev.labforge.quota;

import dev.labforge.access.Owner;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The quota module's public face: limits, usage, and the check made where resources are committed. */
@Component
public class Quotas {

    private final QuotaStore store;
    private final QuotaProperties defaults;
    private final List<UsageMeter> meters;
    private final OwnerNames names;

    Quotas(QuotaStore store, QuotaProperties defaults, List<UsageMeter> meters, OwnerNames names) {
        this.store = store;
        this.defaults = defaults;
        this.meters = meters;
        this.names = names;
    }

    /**
     * The owner's own limits, else the configured defaults. A team without team defaults gets the
     * user defaults: anyone may create a team, and a team must not be a way around one's limits.
     */
    public Limits limitsOf(Owner owner) {
        return orDefaults(owner, store.find(owner));
    }

    private Limits orDefaults(Owner owner, Optional<Limits> own) {
        return own.orElseGet(() -> owner.kind() == Owner.Kind.TEAM && !defaults.team().equals(Limits.NONE)
                ? defaults.team() : defaults.user());
    }

    public Usage usageOf(Owner owner) {
        return meters.stream().map(meter -> meter.usage(owner)).reduce(Usage.NONE, Usage::plus);
    }

    /**
     * Makes the owner's limits and usage stable until the caller's transaction ends, before it reads
     * what the owner holds: the limits cannot change (a shared lock, see {@link QuotaStore#lockLimits}),
     * and if there are any, no other admission of the owner runs meanwhile. An owner without limits is
     * not serialised at all: a course creating 300 labs at once creates them in parallel.
     * Taken once per transaction and owner; again is free.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Owner owner) {
        lockedLimits(owner);
    }

    /**
     * Takes the owner's lock for the rest of the caller's transaction, then refuses with a
     * {@link QuotaExceeded} problem if {@code extra} on top of the current usage passes a limit.
     * Only growing dimensions are checked: shrinking is always allowed, even above a lowered limit.
     * The caller commits its resources in the same transaction, so the next check sees them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void admit(Owner owner, Usage extra) {
        Limits limits = lockedLimits(owner);
        if (limits.equals(Limits.NONE)) {
            return;
        }
        Usage used = usageOf(owner);
        check(owner, "labs", limits.labs() == null ? null : limits.labs().longValue(), used, extra, Usage::labs);
        check(owner, "runningNodes", limits.runningNodes() == null ? null : limits.runningNodes().longValue(), used,
                extra, Usage::runningNodes);
        check(owner, "vcpus", limits.vcpus() == null ? null : limits.vcpus().longValue(), used, extra, Usage::vcpus);
        check(owner, "memoryMib", limits.memoryMib(), used, extra, Usage::memoryMib);
    }

    /** The owner's limits as read under its locks in this transaction (locking and reading them the first time). */
    private Limits lockedLimits(Owner owner) {
        return LockedOwners.inTransaction().computeIfAbsent(owner, o -> {
            // read after the lock, in the same round trip: a change committed while waiting is seen
            Limits limits = orDefaults(o, store.lockSharedAndFind(o));
            if (!limits.equals(Limits.NONE)) {
                store.lockAdmissions(o);
            }
            return limits;
        });
    }

    private void check(Owner owner, String limit, Long max, Usage used, Usage extra, Function<Usage, Long> field) {
        long more = field.apply(extra);
        if (max != null && more > 0 && field.apply(used) + more > max) {
            throw new QuotaExceeded(names.subject(owner), limit, max, field.apply(used), more);
        }
    }
}
