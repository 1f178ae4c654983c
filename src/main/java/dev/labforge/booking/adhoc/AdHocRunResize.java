package dev.labforge.booking.adhoc;

import dev.labforge.api.Conflict;
import dev.labforge.booking.capacity.RunResize;
import dev.labforge.booking.timetable.BriefRetry;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabEditGuard;
import dev.labforge.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A lab running outside a booking whose topology changes holds what the new topology takes from then to its run's
 * end, or the edit is refused: {@link RunResize}.
 */
@Component
class AdHocRunResize implements LabEditGuard {

    private final AdHocRuns runs;
    private final RunResize resize;
    private final Clock clock;

    AdHocRunResize(AdHocRuns runs, RunResize resize, Clock clock) {
        this.runs = runs;
        this.resize = resize;
        this.clock = clock;
    }

    @Override
    public void beforeRedefine(LabDefinition current, Topology next) {
        Instant now = clock.instant();
        if (runs.open(current.id()).isEmpty()) {
            return; // not running on an ad-hoc run
        }
        // never wait for the row here: the edit may hold the lab's locks, which the run's reconciler takes after it
        AdHocRun run = BriefRetry.lock(() -> runs.lockOpenIfFree(current.id())).orElseThrow(() -> new Conflict(
                "the run of lab " + current.id() + " is being extended or ended right now; send the edit again in a"
                        + " moment"));
        UUID resized = resize.resize(current, next, new RunResize.Held(run.reservationId(), run.end(), false), now);
        if (resized != null && !resized.equals(run.reservationId())) {
            runs.moveReservation(run.id(), resized);
        }
    }
}
