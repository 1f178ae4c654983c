package dev.labforge.booking.adhoc;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.Permission;
import dev.labforge.api.Conflict;
import dev.labforge.api.InvalidField;
import dev.labforge.api.NotFound;
import dev.labforge.api.ValidationFailed;
import dev.labforge.booking.capacity.CapacityLedger;
import dev.labforge.booking.capacity.CapacityPool;
import dev.labforge.booking.capacity.CapacityPools;
import dev.labforge.booking.timetable.CourseRulesOfLabs;
import dev.labforge.booking.timetable.ExtensionRules;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabDefinitions;
import dev.labforge.lab.LabRunner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lab's run started outside any booking: until when it holds capacity, and extending it. A student's lab of a course
 * is extended by its course's rules (its own {@code maxExtensions} and {@code extendWithinMinutes}, else
 * {@code labforge.booking.max-extensions} and {@code extend-within}), as its bookings are: a run started by hand is no
 * way around the course's rule. Any other lab by {@code labforge.booking.ad-hoc.max-extensions}, at any time.
 */
@RestController
@Tag(name = "bookings", description = "Practice time students book on their course lab")
class AdHocRunController {

    private final AdHocRuns runs;
    private final CapacityPools pools;
    private final CapacityLedger ledger;
    private final LabDefinitions labs;
    private final LabRunner runner;
    private final CourseRulesOfLabs courseRules;
    private final AuditLog audit;
    private final AdHocRunProperties properties;
    private final Clock clock;

    AdHocRunController(AdHocRuns runs, CapacityPools pools, CapacityLedger ledger, LabDefinitions labs,
                       LabRunner runner, CourseRulesOfLabs courseRules, AuditLog audit, AdHocRunProperties properties,
                       Clock clock) {
        this.runs = runs;
        this.pools = pools;
        this.ledger = ledger;
        this.labs = labs;
        this.runner = runner;
        this.courseRules = courseRules;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Schema(name = "AdHocRunExtension")
    record ExtensionRequest(@NotNull @Min(15) @Max(1440) @Schema(description = "a multiple of 15", example = "30")
                            Integer minutes) {
    }

    @Schema(name = "AdHocRun", description = "capacity a lab started outside any booking holds, and until when")
    record RunView(UUID id, UUID lab, String pool, Instant start,
                   @Schema(description = "when the lab is stopped unless the run is extended") Instant end,
                   int extensions, @Schema(description = "how many more extensions are allowed: by the lab's course's"
                           + " rule for a student's lab") int extensionsLeft) {
    }

    @GetMapping("/api/v1/labs/{id}/run")
    @Transactional(readOnly = true)
    @Operation(operationId = "getAdHocRun", summary = "The capacity a lab started outside a booking holds",
            description = "A lab started outside any booking reserves its pool's capacity from its start for"
                    + " labforge.booking.ad-hoc.run-time and is stopped at the end unless extended. 404 when the lab"
                    + " holds no such run (not started, started by a booking, or no pool applies). Needs view.")
    RunView get(Caller caller, @PathVariable UUID id) {
        labs.require(caller, id, Permission.VIEW);
        return view(runs.open(id).orElseThrow(() -> noRun(id)));
    }

    @PostMapping("/api/v1/labs/{id}/run/extend")
    @Transactional
    @Operation(operationId = "extendAdHocRun", summary = "Keep a lab started outside a booking running longer",
            description = "Moves the run's end later by a multiple of 15 minutes (at most"
                    + " labforge.booking.ad-hoc.max-extension) while its pool has room: a 409 capacity-exhausted says"
                    + " which resource is short, by how much and when. How often and from when: a student's lab of a"
                    + " course as its course says for bookings (maxExtensions and extendWithinMinutes of the course, by"
                    + " default labforge.booking.max-extensions and extend-within; a 409 names the rule), any other lab"
                    + " labforge.booking.ad-hoc.max-extensions times at any time. The end warnings start over for the"
                    + " new end. Needs operate.")
    RunView extend(Caller caller, @PathVariable UUID id, @Valid @RequestBody ExtensionRequest request) {
        LabDefinition lab = labs.require(caller, id, Permission.OPERATE);
        if (request.minutes() % 15 != 0) {
            throw new ValidationFailed(List.of(InvalidField.rule("/minutes", "step", "a multiple of 15")));
        }
        if (Duration.ofMinutes(request.minutes()).compareTo(properties.maxExtension()) > 0) {
            throw new ValidationFailed(List.of(InvalidField.rule("/minutes", "max-extension", "at most "
                    + properties.maxExtension().toMinutes() + " minutes at a time")));
        }
        AdHocRun run = runs.lockOpen(id).orElseThrow(() -> noRun(id));
        Instant now = clock.instant();
        if (!now.isBefore(run.end())) {
            throw new Conflict("the run of lab " + id + " ended at " + run.end() + "; start the lab again instead");
        }
        Optional<ExtensionRules> course = courseRules.extensionRules(id);
        if (course.isPresent()) {
            course.get().requireExtendable("the run of lab " + id, run.end(), run.extensions(), now);
        } else if (run.extensions() >= properties.maxExtensions()) {
            throw new Conflict("the run of lab " + id + " was extended " + run.extensions()
                    + " times, the most allowed; start the lab again after it ends");
        }
        Instant newEnd = run.end().plus(Duration.ofMinutes(request.minutes()));
        if (run.reservationId() == null) {
            throw new Conflict("the run of lab " + id + " holds no reservation to extend");
        }
        ledger.extend(run.reservationId(), newEnd); // refuses with what is short, under the pool's lock
        runs.extend(run.id(), newEnd);
        runner.note(id, "RunExtended", caller.username() + " extended the run to " + newEnd);
        audit.record(caller, "lab.run.extend", AuditLog.Target.lab(id, lab.name()), Map.of("end", newEnd.toString()));
        return view(runs.open(id).orElseThrow());
    }

    private RunView view(AdHocRun run) {
        String pool = pools.byId(run.poolId()).map(CapacityPool::name).orElse(null);
        int left = courseRules.extensionRules(run.labId()).map(rules -> rules.left(run.extensions()))
                .orElse(Math.max(0, properties.maxExtensions() - run.extensions()));
        return new RunView(run.id(), run.labId(), pool, run.start(), run.end(), run.extensions(), left);
    }

    private static NotFound noRun(UUID labId) {
        return new NotFound("lab " + labId + " holds no run started outside a booking");
    }
}
