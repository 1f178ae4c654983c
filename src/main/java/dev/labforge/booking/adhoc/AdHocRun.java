package dev.labforge.booking.adhoc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lab's run started outside any booking: it holds its pool's capacity from {@code start} to {@code end}
 * and is stopped then, unless extended.
 *
 * @param warningsSent how many of the end warnings went out, longest first
 */
record AdHocRun(UUID id, UUID labId, UUID userId, UUID poolId, UUID reservationId, Instant start, Instant end,
                int extensions, int warningsSent, Instant finishedAt) {

    /** What the reconciler owes the run at {@code now}. */
    enum Duty { NONE, WARN, END }

    Duty duty(Instant now, List<Duration> warnBefore) {
        if (finishedAt != null) {
            return Duty.NONE;
        }
        if (!now.isBefore(end)) {
            return Duty.END;
        }
        return warningsDue(now, warnBefore) > warningsSent ? Duty.WARN : Duty.NONE;
    }

    /**
     * How many warnings are due by {@code now} (longest first): a service that was down through one sends
     * only the latest, since the count jumps to it.
     */
    int warningsDue(Instant now, List<Duration> warnBefore) {
        int due = 0;
        for (Duration before : warnBefore) {
            if (!now.isBefore(end.minus(before))) {
                due++;
            }
        }
        return due;
    }

    /** The next instant the reconciler has something to do for this run. */
    Instant nextDue(List<Duration> warnBefore) {
        return warningsSent < warnBefore.size() ? end.minus(warnBefore.get(warningsSent)) : end;
    }
}
