package dev.labforge.lab;

import dev.labforge.access.Caller;
import dev.labforge.access.UserDirectory;
import dev.labforge.api.Conflict;
import dev.labforge.api.InvalidField;
import dev.labforge.api.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

    static final int MAX_PAGE_SIZE = 100;

    private final LabRepository labs;
    private final LabAccess access;
    private final DefinitionCheck check;
    private final UserDirectory users;
    private final List<LabStatusSource> statusSources;
    private final ApplicationEventPublisher events;

    LabController(LabRepository labs, LabAccess access, DefinitionCheck check, UserDirectory users,
                  List<LabStatusSource> statusSources, ApplicationEventPublisher events) {
        this.labs = labs;
        this.access = access;
        this.check = check;
        this.users = users;
        this.statusSources = statusSources;
        this.events = events;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createLab", summary = "Define a lab from JSON",
            description = "Answers 201 with the lab, its Location and ETag. A containerlab topology file is"
                    + " accepted too, with Content-Type application/yaml.")
    ResponseEntity<LabView> create(Caller caller, @Valid @RequestBody LabDocument.LabRequest request) {
        check.require(request.topology(), UnaryOperator.identity());
        Lab lab = Lab.define(caller.userId(), request.name(), request.description(), request.topology());
        return created(caller, insert(lab), List.of());
    }

    @GetMapping
    @Operation(operationId = "listLabs", summary = "List the labs you can see, newest first")
    LabPage list(Caller caller,
                 @Parameter(description = "only labs whose name contains this, ignoring case")
                 @RequestParam(required = false) String name,
                 @RequestParam(defaultValue = "0") int page,
                 @RequestParam(defaultValue = "20") int size) {
        List<InvalidField> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(InvalidField.parameter("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(InvalidField.parameter("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("invalid paging parameters", errors);
        }
        var result = access.list(caller, name, PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
        var ownerIds = new HashSet<UUID>();
        result.forEach(summary -> ownerIds.add(summary.getOwnerId()));
        return LabPage.from(result, users.usernames(ownerIds));
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getLab", summary = "Get a lab",
            description = "With Accept: application/yaml the lab comes as a containerlab topology file.")
    ResponseEntity<LabView> get(Caller caller, @PathVariable UUID id,
                                @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false)
                                String ifNoneMatch) {
        Lab lab = access.visible(caller, id);
        if (!EntityTags.matchesNoneOf(ifNoneMatch, lab)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(EntityTags.of(lab)).build();
        }
        return ResponseEntity.ok().eTag(EntityTags.of(lab)).body(view(caller, lab, null));
    }

    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    @Operation(operationId = "replaceLab", summary = "Replace a lab's definition",
            description = "Send If-Match with the ETag you read to be sure you overwrite nobody's change:"
                    + " a stale one gets 412.")
    ResponseEntity<LabView> replace(Caller caller, @PathVariable UUID id,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody LabDocument.LabRequest request) {
        Lab lab = access.editable(caller, id);
        EntityTags.requireMatch(ifMatch, lab);
        check.require(request.topology(), UnaryOperator.identity());
        lab.redefine(request.name(), request.description(), request.topology());
        save(lab);
        return ResponseEntity.ok().eTag(EntityTags.of(lab)).body(view(caller, lab, null));
    }

    @DeleteMapping("/{id}")
    @Transactional
    @Operation(operationId = "deleteLab", summary = "Delete a lab", description = "Honours If-Match like PUT.")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Lab lab = access.editable(caller, id);
        EntityTags.requireMatch(ifMatch, lab);
        labs.delete(lab);
        labs.flush();
        events.publishEvent(new LabChanged(id, LabChanged.Change.DELETED));
        return ResponseEntity.noContent().build();
    }

    /** Saves a changed lab now, so that its answer carries the new version. */
    void save(Lab lab) {
        try {
            labs.saveAndFlush(lab);
        } catch (DataIntegrityViolationException e) {
            throw nameTaken(lab.name());
        }
        events.publishEvent(new LabChanged(lab.id(), LabChanged.Change.REDEFINED));
    }

    /** Stores a new lab; a name the owner already uses is a conflict, decided by the database. */
    Lab insert(Lab lab) {
        Lab saved;
        try {
            saved = labs.saveAndFlush(lab);
        } catch (DataIntegrityViolationException e) {
            throw nameTaken(lab.name());
        }
        events.publishEvent(new LabChanged(saved.id(), LabChanged.Change.DEFINED));
        return saved;
    }

    ResponseEntity<LabView> created(Caller caller, Lab lab, List<LabView.Warning> warnings) {
        return ResponseEntity.created(URI.create("/api/v1/labs/" + lab.id())).eTag(EntityTags.of(lab))
                .body(view(caller, lab, warnings));
    }

    LabView view(Caller caller, Lab lab, List<LabView.Warning> warnings) {
        LabStatus status = statusSources.stream().map(source -> source.statusOf(lab.id()))
                .flatMap(java.util.Optional::stream).findFirst().orElse(null);
        return LabView.from(lab, ownerName(caller, lab), status, warnings);
    }

    String ownerName(Caller caller, Lab lab) {
        return caller.owns(lab.ownerId()) ? caller.username() : users.username(lab.ownerId());
    }

    private static Conflict nameTaken(String name) {
        return new Conflict("the owner already has a lab named '" + name + "'");
    }
}
