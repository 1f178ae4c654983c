package dev.labforge.lab;

import dev.labforge.access.Caller;
import dev.labforge.access.AuditLog;
import dev.labforge.access.Owner;
import dev.labforge.access.Permission;
import dev.labforge.api.Conflict;
import dev.labforge.api.DatabaseErrors;
import dev.labforge.quota.Quotas;
import dev.labforge.quota.Usage;
import dev.labforge.topology.Topology;
import dev.labforge.api.InvalidField;
import dev.labforge.api.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/labs")
@Tag(name = "labs", description = "Lab definitions: routers, links, startup configs")
class LabController {

    private static final Logger log = LoggerFactory.getLogger(LabController.class);

    static final int MAX_PAGE_SIZE = 100;

    private final LabRepository labs;
    private final LabAccess access;
    private final DefinitionCheck check;
    private final Owners owners;
    private final NewLabOwner newOwner;
    private final List<LabStatusSource> statusSources;
    private final AuditLog audit;
    private final Quotas quotas;
    private final List<LabEditGuard> guards;
    private final ApplicationEventPublisher events;
    private final NewLabs newLabs;
    private final Clock clock;

    LabController(LabRepository labs, LabAccess access, DefinitionCheck check, Owners owners, NewLabOwner newOwner,
                  List<LabStatusSource> statusSources, AuditLog audit, Quotas quotas, List<LabEditGuard> guards,
                  ApplicationEventPublisher events, NewLabs newLabs, Clock clock) {
        this.clock = clock;
        this.newLabs = newLabs;
        this.quotas = quotas;
        this.guards = guards;
        this.labs = labs;
        this.access = access;
        this.check = check;
        this.owners = owners;
        this.newOwner = newOwner;
        this.statusSources = statusSources;
        this.audit = audit;
        this.events = events;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createLab", summary = "Define a lab from JSON",
            description = "Answers 201 with the lab, its Location and ETag. A containerlab topology file is"
                    + " accepted too, with Content-Type application/yaml.")
    @Transactional
    ResponseEntity<LabView> create(Caller caller,
                                   @Parameter(description = "create the lab for this team (you must be one of its"
                                           + " owners or maintainers) instead of for yourself")
                                   @RequestParam(required = false) String team,
                                   @Valid @RequestBody LabDocument.LabRequest request) {
        Owner owner = newOwner.resolve(caller, team);
        check.require(request.topology(), UnaryOperator.identity());
        Lab lab = Lab.define(owner, request.name(), request.description(), request.topology(), clock);
        return created(caller, insert(caller, lab), List.of());
    }

    @GetMapping
    @Operation(operationId = "listLabs", summary = "List the labs you can see, newest first",
            description = "The labs you can see, newest first, one page at a time: with `scope=owned` only yours and "
                    + "your teams', with `scope=shared` only those shared with you or your teams. `name` keeps labs "
                    + "whose name contains it, in any case. Each lab carries its owner and your permission on it.")
    LabPage list(Caller caller,
                 @Parameter(description = "only labs whose name contains this, ignoring case")
                 @RequestParam(required = false) String name,
                 @Parameter(description = "all: every lab you can see; owned: yours and your teams';"
                         + " shared: labs others shared with you or your teams")
                 @RequestParam(defaultValue = "all") String scope,
                 @RequestParam(defaultValue = "0") int page,
                 @RequestParam(defaultValue = "20") int size) {
        List<InvalidField> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(InvalidField.parameter("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(InvalidField.parameter("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        LabAccess.Scope listScope = switch (scope) {
            case "all" -> LabAccess.Scope.ALL;
            case "owned" -> LabAccess.Scope.OWNED;
            case "shared" -> LabAccess.Scope.SHARED;
            default -> {
                errors.add(InvalidField.parameter("scope", "one of all, owned, shared"));
                yield null;
            }
        };
        if (!errors.isEmpty()) {
            throw new InvalidRequest("invalid list parameters", errors);
        }
        var found = access.list(caller, listScope, name, page, size);
        long total = found.isEmpty() && page == 0 ? 0 : access.count(caller, listScope, name);
        return LabPage.of(found, owners, page, size, total);
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getLab", summary = "Get a lab",
            description = "With Accept: application/yaml the lab comes as a containerlab topology file. The ETag is"
                    + " the definition's version, followed by a mark of the lab's live state and of the caller's"
                    + " permission: If-None-Match answers 304 only while all three are unchanged, and"
                    + " If-Match on a change compares the version alone.")
    ResponseEntity<LabView> get(Caller caller, @PathVariable UUID id,
                                @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false)
                                String ifNoneMatch) {
        // the lab, its owner's name and its live state in one round trip
        var statusReads = statusSources.stream().map(source -> source.statusRead(id)).toList();
        LabAccess.Shown shown = access.show(caller, id, Permission.VIEW, statusReads);
        Lab lab = shown.lab();
        LabStatus status = statusReads.stream().map(read -> shown.alongside().of(read)).flatMap(Optional::stream)
                .findFirst().orElse(null);
        String tag = EntityTags.ofView(lab, status, shown.permission(), shown.owner().name());
        if (!EntityTags.matchesNoneOf(ifNoneMatch, tag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).build();
        }
        return ResponseEntity.ok().eTag(tag)
                .body(LabView.from(lab, shown.owner(), shown.permission(), status, null));
    }

    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    @Operation(operationId = "replaceLab", summary = "Replace a lab's definition",
            description = "Send If-Match with the ETag you read to be sure you overwrite nobody's change:"
                    + " a stale one gets 412. Without If-Match, concurrent replacements are applied one after"
                    + " another and the last one wins. A running lab's edit that takes more than its run holds"
                    + " from its capacity pool gets 409 capacity-exhausted, naming what is short and when.")
    ResponseEntity<LabView> replace(Caller caller, @PathVariable UUID id,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody LabDocument.LabRequest request) {
        LabAccess.Granted granted = access.change(caller, id, Permission.EDIT);
        Lab lab = granted.lab();
        EntityTags.requireMatch(ifMatch, lab);
        check.require(request.topology(), UnaryOperator.identity());
        redefine(caller, lab, request.name(), request.description(), request.topology());
        return ResponseEntity.ok().eTag(EntityTags.of(lab)).body(view(lab, granted.permission(), null));
    }

    @DeleteMapping("/{id}")
    @Transactional
    @Operation(operationId = "deleteLab", summary = "Delete a lab", description = "Honours If-Match like PUT.")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Lab lab = access.change(caller, id, Permission.ADMIN).lab();
        EntityTags.requireMatch(ifMatch, lab);
        labs.delete(lab);
        labs.flush();
        audit.record(caller, "lab.delete", AuditLog.Target.lab(id, lab.name()));
        events.publishEvent(new LabChanged(id, LabChanged.Change.DELETED));
        return ResponseEntity.noContent().build();
    }

    /** Saves a changed lab now, so that its answer carries the new version. */
    /** Redefines a lab the caller may edit, after every guard agreed; saves it now. */
    void redefine(Caller caller, Lab lab, String name, String description, Topology topology) {
        LabDefinition current = LabDefinition.of(lab);
        guards.forEach(guard -> guard.beforeRedefine(current, topology));
        lab.redefine(name, description, topology, clock);
        save(caller, lab);
    }

    private void save(Caller caller, Lab lab) {
        try {
            labs.saveAndFlush(lab);
        } catch (DataIntegrityViolationException e) {
            throw nameTakenOr(e, lab.name());
        }
        audit.record(caller, "lab.update", AuditLog.Target.lab(lab.id(), lab.name()),
                Map.of("version", lab.version(), "nodes", lab.topology().nodes().size()));
        events.publishEvent(new LabChanged(lab.id(), LabChanged.Change.REDEFINED));
    }

    /**
     * Stores a new lab with its audit entry, in one round trip after the quota's (for an owner without limits, one
     * more); a name the owner already uses is a conflict, decided by the database.
     */
    Lab insert(Caller caller, Lab lab) {
        if (lab.chargedToOwner()) { // a course's lab counts against the course's pool, not its owner
            quotas.admit(lab.owner(), Usage.oneLab());
        }
        try {
            newLabs.insert(lab, audit.entry(caller, "lab.create", AuditLog.Target.lab(lab.id(), lab.name()),
                    Map.of("owner", lab.owner().toString(), "nodes", lab.topology().nodes().size())));
        } catch (DataIntegrityViolationException e) {
            throw nameTakenOr(e, lab.name());
        }
        events.publishEvent(new LabChanged(lab.id(), LabChanged.Change.DEFINED));
        return lab;
    }

    /**
     * The answer to a create. It reads nothing: a lab just defined has no live state (its runtime rows could only
     * reference a committed lab), and its owner is the caller, whose name the request authenticated with, or the
     * team the caller named.
     */
    ResponseEntity<LabView> created(Caller caller, Lab lab, List<LabView.Warning> warnings) {
        LabView.OwnerView owner = lab.owner().equals(Owner.user(caller.userId()))
                ? new LabView.OwnerView(Owner.Kind.USER, caller.userId(), caller.username()) : owners.view(lab.owner());
        return ResponseEntity.created(URI.create("/api/v1/labs/" + lab.id())).eTag(EntityTags.of(lab))
                .body(LabView.from(lab, owner, Permission.ADMIN, null, warnings));
    }

    LabView view(Lab lab, Permission permission, List<LabView.Warning> warnings) {
        LabStatus status = statusSources.stream().map(source -> source.statusOf(lab.id()))
                .flatMap(Optional::stream).findFirst().orElse(null);
        return LabView.from(lab, owners.view(lab.owner()), permission, status, warnings);
    }

    /** A taken name is a conflict with a clear message; anything else goes to the general handler. */
    private static RuntimeException nameTakenOr(DataIntegrityViolationException e, String name) {
        if (!DatabaseErrors.violates(e, "labs_owner_name_unique", "labs_team_name_unique")) {
            return e;
        }
        log.info("refused a lab whose name its owner already uses: {}", DatabaseErrors.describe(e));
        return new Conflict("the owner already has a lab named '" + name + "'");
    }
}
