package dev.labforge.booking.capacity;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.api.Conflict;
import dev.labforge.api.DatabaseErrors;
import dev.labforge.api.Forbidden;
import dev.labforge.api.InvalidField;
import dev.labforge.api.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Capacity pools: administrators declare them, everyone may read them and what is reserved. */
@RestController
@RequestMapping("/api/v1/capacity/pools")
@Tag(name = "capacity", description = "Capacity pools that booked runs reserve from; admins manage them")
class CapacityPoolController {

    /** How far ahead a capacity change is checked against reservations; bookings reach no further. */
    static final Duration HORIZON = Duration.ofDays(400);
    /** The longest stretch one load request covers, so that an answer stays small. */
    static final Duration MAX_LOAD_SPAN = Duration.ofDays(31);

    private final CapacityPools pools;
    private final CapacityLedger ledger;
    private final DerivedCapacity derived;
    private final AuditLog audit;
    private final Clock clock;

    CapacityPoolController(CapacityPools pools, CapacityLedger ledger, DerivedCapacity derived, AuditLog audit,
                           Clock clock) {
        this.derived = derived;
        this.pools = pools;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping
    @Transactional
    @Operation(operationId = "createCapacityPool", summary = "Declare a capacity pool (admins only)",
            description = "A named amount of vCPUs, memory and router VMs that bookings reserve from. Courses name the pool their labs run in.")
    ResponseEntity<PoolDocument.PoolView> create(Caller caller, @Valid @RequestBody PoolDocument.PoolRequest request) {
        requireAdmin(caller);
        if (pools.byName(request.name()).isPresent()) {
            throw new Conflict("a capacity pool named '" + request.name() + "' exists already");
        }
        CapacityPool pool;
        try {
            pool = pools.insert(request.name(), capacityOf(request), request.selector(), clock.instant(),
                    request.isDerived(), request.overcommit());
        } catch (DataIntegrityViolationException e) {
            throw DatabaseErrors.violates(e, "capacity_pools_name_unique")
                    ? new Conflict("a capacity pool named '" + request.name() + "' exists already") : e;
        }
        audit.record(caller, "capacity.pool.create", target(pool), Map.of("vcpus", pool.capacity().vcpus(),
                "memoryMib", pool.capacity().memoryMib(), "nodes", pool.capacity().nodes(), "derived",
                pool.derived()));
        return ResponseEntity.created(URI.create("/api/v1/capacity/pools/" + pool.name())).body(view(pool));
    }

    @GetMapping
    @Operation(operationId = "listCapacityPools", summary = "List the capacity pools",
            description = "Every pool with its capacity. What is reserved over time is at `/capacity/pools/{name}/load`.")
    List<PoolDocument.PoolView> list(Caller caller) {
        return pools.all().stream().map(this::view).toList();
    }

    @GetMapping("/{name}")
    @Operation(operationId = "getCapacityPool", summary = "Get a capacity pool",
            description = "One pool's capacity (vCPUs, memory, router VMs).")
    PoolDocument.PoolView get(Caller caller, @PathVariable String name) {
        return view(pools.require(name));
    }

    @PutMapping("/{name}")
    @Transactional
    @Operation(operationId = "replaceCapacityPool", summary = "Change a pool's capacity (admins only)",
            description = "Refused with 409 capacity-exhausted if reservations already made would no longer fit.")
    PoolDocument.PoolView replace(Caller caller, @PathVariable String name,
                                  @Valid @RequestBody PoolDocument.PoolRequest request) {
        requireAdmin(caller);
        CapacityPool current = pools.lock(pools.require(name).id());
        if (!request.name().equals(name)) {
            throw new InvalidRequest("a pool cannot be renamed", List.of(InvalidField.at("/name",
                    "must be '" + name + "', the pool's name")));
        }
        Instant now = clock.instant();
        Demand capacity = capacityOf(request);
        // an admin's change is refused when it would not hold what is booked; Nodes going away cannot be refused
        ledger.requireCapacityCovers(current, capacity, now, now.plus(HORIZON));
        pools.update(current.id(), capacity, request.selector(), request.isDerived(), request.overcommit());
        audit.record(caller, "capacity.pool.update", target(current), Map.of("vcpus", capacity.vcpus(),
                "memoryMib", capacity.memoryMib(), "nodes", capacity.nodes(), "derived", request.isDerived()));
        return view(pools.byId(current.id()).orElseThrow());
    }

    @DeleteMapping("/{name}")
    @Transactional
    @Operation(operationId = "deleteCapacityPool", summary = "Remove a pool nothing uses (admins only)",
            description = "Refused with 409 while a course uses the pool or reservations are held from it.")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String name) {
        requireAdmin(caller);
        CapacityPool pool = pools.lock(pools.require(name).id());
        try {
            pools.delete(pool.id());
        } catch (DataIntegrityViolationException e) {
            throw new Conflict("pool '" + name + "' still has reservations or courses that use it");
        }
        audit.record(caller, "capacity.pool.delete", target(pool));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{name}/load")
    @Operation(operationId = "getCapacityLoad", summary = "What is reserved from a pool over a time span",
            description = "Consecutive segments of constant load covering [from, to); at most 31 days.")
    PoolDocument.LoadView load(Caller caller, @PathVariable String name,
                               @Parameter(description = "start, ISO-8601 with offset; default now")
                               @RequestParam(required = false) String from,
                               @Parameter(description = "end, ISO-8601 with offset; default from + 1 day")
                               @RequestParam(required = false) String to) {
        CapacityPool pool = pools.require(name);
        Instant start = from == null ? clock.instant() : instant("from", from);
        Instant end = to == null ? start.plus(Duration.ofDays(1)) : instant("to", to);
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_LOAD_SPAN) > 0) {
            throw new InvalidRequest("invalid time span", List.of(InvalidField.parameter("to",
                    "must be after from, and at most 31 days after it")));
        }
        return new PoolDocument.LoadView(pool.name(), pool.capacity(), ledger.load(pool.id(), start, end).stream()
                .map(PoolDocument.SegmentView::from).toList());
    }

    /** What the request declares, or for a derived pool what its Nodes offer now. */
    private Demand capacityOf(PoolDocument.PoolRequest request) {
        return request.isDerived() ? derived.of(request.selector(), request.overcommit()) : request.capacity();
    }

    private PoolDocument.PoolView view(CapacityPool pool) {
        Instant now = clock.instant();
        return PoolDocument.PoolView.from(pool, ledger.overbooked(pool.id(), pool.capacity(), now, now.plus(HORIZON)));
    }

    private static Instant instant(String parameter, String value) {
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("parameter '" + parameter + "' is not a time", List.of(
                    InvalidField.parameter(parameter, "an ISO-8601 time with an offset, e.g. 2026-03-10T09:00:00Z")));
        }
    }

    private static AuditLog.Target target(CapacityPool pool) {
        return new AuditLog.Target("capacity-pool", pool.id().toString(), pool.name());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new Forbidden("only administrators manage capacity pools");
        }
    }
}
