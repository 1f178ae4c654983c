package dev.labforge.booking.practice;

import dev.labforge.booking.capacity.CapacityLedger;
import dev.labforge.booking.capacity.Demand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one more run fits in a pool, step by step: a step {@code [s, s + 15 min)} is free when the
 * demand fits on top of the pool's load throughout {@code [s - lead, s + 15 min)}. The lead is in
 * because a booking starting at {@code s} reserves from then; so any slot made of free steps can be
 * booked, as far as capacity goes. Pure: works on the ledger's segments.
 */
final class FreeSlots {

    /** A run of consecutive free steps. */
    record Slot(Instant start, Instant end) {
    }

    private FreeSlots() {
    }

    /**
     * @param segments the pool's load over {@code [from - lead, to)}, in order, covering it
     */
    static List<Slot> find(List<CapacityLedger.Segment> segments, Demand capacity, Demand demand, Duration lead,
                           Instant from, Instant to) {
        List<Slot> free = new ArrayList<>();
        // each segment decided once: a segment lies under several steps (docs/benchmarks.md: this was a third of the
        // read's CPU when each step asked again)
        boolean[] fitsOn = new boolean[segments.size()];
        for (int i = 0; i < fitsOn.length; i++) {
            fitsOn[i] = demand.fitsOn(segments.get(i).used(), capacity);
        }
        Instant openSince = null;
        int first = 0;
        for (Instant step = from; step.isBefore(to); step = step.plus(PracticeRules.STEP)) {
            Instant checkFrom = step.minus(lead);
            Instant checkTo = step.plus(PracticeRules.STEP);
            while (first < segments.size() && !segments.get(first).end().isAfter(checkFrom)) {
                first++; // segments ending before this step's check can end matter to no later step
            }
            boolean fits = true;
            for (int i = first; i < segments.size() && segments.get(i).start().isBefore(checkTo); i++) {
                if (!fitsOn[i]) {
                    fits = false;
                    break;
                }
            }
            if (fits && openSince == null) {
                openSince = step;
            } else if (!fits && openSince != null) {
                free.add(new Slot(openSince, step));
                openSince = null;
            }
        }
        if (openSince != null) {
            free.add(new Slot(openSince, to));
        }
        return free;
    }
}
