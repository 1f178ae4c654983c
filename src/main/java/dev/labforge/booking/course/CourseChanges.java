package dev.labforge.booking.course;

import dev.labforge.booking.timetable.BookingProperties;
import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.api.Conflict;
import dev.labforge.api.DatabaseErrors;
import dev.labforge.api.InvalidField;
import dev.labforge.api.JsonPointers;
import dev.labforge.api.PreconditionFailed;
import dev.labforge.api.ValidationFailed;
import dev.labforge.booking.capacity.CapacityPool;
import dev.labforge.booking.capacity.CapacityPools;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changing a course's settings after it is made: a JSON merge patch (RFC 7396) of the document it was made from,
 * checked by the same rules, by its instructors. What a change means for what is booked already:
 * <ul>
 * <li>the longest slot, the booking window and the weekly allowance apply to bookings and extensions asked for
 * from now on; bookings made under the old rules stay as they are (a smaller allowance cancels nothing);
 * <li>the extension rules apply to every extension asked for from now on, of bookings made before too: an extension
 * is decided when it is asked for, under the course's rules then ({@link dev.labforge.booking.timetable.ExtensionRules});
 * <li>the end action applies to every run that has not ended yet: the booking reconciler reads it at the end;
 * <li>the template reaches labs made from now on, and the others when an instructor applies it, as an edit of the
 * template lab does;
 * <li>the pool changes only while nothing of the course holds capacity (bookings, class sessions, runs of its
 * students' labs not over): their reservations are in the old pool, and moving them could overbook the new one.
 * The refusal (409) names them;
 * <li>the time zone changes only while no class session has an occurrence to come: its recurrence was expanded
 * in the old zone's local times. Practice bookings are instants and stay; the allowance's weeks follow the new
 * zone from now on.
 * </ul>
 * A change is one transaction under the course's row lock, as roster changes are; a pool change also waits for
 * the bookings of every student being decided (their member rows) and for the old pool's ledger writers.
 */
@RestController
@Tag(name = "courses")
class CourseChanges {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private static final int NAMED_AT_MOST = 5;

    private final Courses courses;
    private final CourseMembers members;
    private final CourseAccess access;
    private final CourseSettings settings;
    private final CourseHolds holds;
    private final CapacityPools pools;
    private final Validator validator;
    private final JsonMapper json;
    private final AuditLog audit;
    private final BookingProperties defaults;
    private final Clock clock;

    CourseChanges(Courses courses, CourseMembers members, CourseAccess access, CourseSettings settings,
                  CourseHolds holds, CapacityPools pools, Validator validator, JsonMapper json, AuditLog audit,
                  BookingProperties defaults, Clock clock) {
        this.defaults = defaults;
        this.courses = courses;
        this.members = members;
        this.access = access;
        this.settings = settings;
        this.holds = holds;
        this.pools = pools;
        this.validator = validator;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @PatchMapping(value = "/api/v1/courses/{course}", consumes = {MERGE_PATCH, "application/json"})
    @Transactional
    @Operation(operationId = "changeCourse", summary = "Change a course's settings (instructors)",
            description = "A JSON merge patch (RFC 7396) of the course's settings, as given when it was made: members"
                    + " present are set, members set to null go back to their default (a title is removed), members"
                    + " absent stay. Checked as at creation; nothing changes unless all of it is valid. Send If-Match"
                    + " with the ETag of GET to be sure nobody changed the course meanwhile (412 if someone did)."
                    + " Longest slot, booking window and weekly allowance apply to bookings from now on (existing"
                    + " ones stay); the extension rules (maxExtensions, extendWithinMinutes) to every extension from"
                    + " now on, of existing bookings too; the end action applies to every run not ended yet. The pool changes only while"
                    + " no booking, class session or run of the course holds capacity, the time zone only while no"
                    + " class session has an occurrence to come: 409 names them.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MERGE_PATCH, schema = @Schema(implementation = CourseDocument.CourseRequest.class))))
    ResponseEntity<CourseDocument.CourseView> change(Caller caller, @PathVariable String course,
                                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                     String ifMatch, @RequestBody JsonNode patch) {
        Course found = access.require(caller, course, CourseRole.INSTRUCTOR).course();
        courses.lock(found.id());
        Course current = courses.byId(found.id()).orElseThrow(() -> CourseAccess.notFound(course));
        requireMatch(ifMatch, current);
        String poolName = pools.byId(current.poolId()).map(CapacityPool::name).orElse(null);
        CourseDocument.CourseRequest before = CourseDocument.CourseRequest.of(current, poolName);
        List<InvalidField> errors = new ArrayList<>();
        CourseDocument.CourseRequest after = apply(before, patch, errors);
        CourseSettings.Checked checked = null;
        if (after != null) {
            for (ConstraintViolation<CourseDocument.CourseRequest> v : validator.validate(after)) {
                errors.add(InvalidField.at(JsonPointers.fromPropertyPath(v.getPropertyPath().toString()),
                        v.getMessage()));
            }
            checked = settings.check(caller, after, current.templateLabId(), errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Course changed = new Course(current.id(), after.name(), after.title(), checked.template().id(),
                checked.pool().id(), checked.maxSlot(), checked.bookingWindow(), checked.weeklyAllowance(),
                checked.endAction(), checked.zone(), current.joinCode(), current.createdBy(), current.createdAt(),
                Boolean.TRUE.equals(after.consoleTranscripts()), checked.maxExtensions(), checked.extendWithin(),
                current.version() + 1);
        Map<String, Object> changes = changes(before, CourseDocument.CourseRequest.of(changed, checked.pool().name()));
        if (!changes.isEmpty()) {
            requireNothingHeld(current, changed);
            save(changed);
            audit.record(caller, "course.change", CourseController.target(changed), changes);
        } else {
            changed = current;
        }
        CourseMembers.Member me = members.find(changed.id(), caller.userId()).orElse(null);
        return ResponseEntity.ok().eTag(tag(changed)).body(CourseDocument.CourseView.from(changed,
                checked.pool().name(), CourseRole.INSTRUCTOR, me == null ? null : me.labId(),
                changed.extensionRules(defaults)));
    }

    /**
     * RFC 7396 on a flat document: each member of the patch replaces the setting, null removes it (to its
     * default); the result is read as a course request, with the same strict typing as any request body.
     */
    private CourseDocument.CourseRequest apply(CourseDocument.CourseRequest before, JsonNode patch,
                                               List<InvalidField> errors) {
        if (patch == null || !patch.isObject()) {
            errors.add(InvalidField.at("", "a JSON merge patch of the course's settings: an object"));
            return null;
        }
        ObjectNode document = json.valueToTree(before);
        Set<String> known = new java.util.LinkedHashSet<>();
        for (var component : CourseDocument.CourseRequest.class.getRecordComponents()) {
            known.add(component.getName());
        }
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (!known.contains(member.getKey())) {
                errors.add(InvalidField.at("/" + JsonPointers.escape(member.getKey()), "not a setting of a course;"
                        + " they are " + String.join(", ", known)));
            } else if (member.getValue().isNull()) {
                document.remove(member.getKey());
            } else {
                document.set(member.getKey(), member.getValue());
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return json.treeToValue(document, CourseDocument.CourseRequest.class);
        } catch (JacksonException e) {
            String pointer = e.getPath().isEmpty() || e.getPath().getFirst().getPropertyName() == null ? ""
                    : "/" + JsonPointers.escape(e.getPath().getFirst().getPropertyName());
            errors.add(InvalidField.at(pointer, "not a value of the right type: " + e.getOriginalMessage()));
            return null;
        }
    }

    /** The settings that differ, each with its new value (what the audit log keeps). */
    private static Map<String, Object> changes(CourseDocument.CourseRequest before,
                                               CourseDocument.CourseRequest after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (var component : CourseDocument.CourseRequest.class.getRecordComponents()) {
            try {
                Object was = component.getAccessor().invoke(before);
                Object is = component.getAccessor().invoke(after);
                if (!Objects.equals(was, is)) {
                    changes.put(component.getName(), is == null ? "" : is.toString());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changes;
    }

    /** The pool and the time zone change only while nothing booked depends on the old ones; see the class. */
    private void requireNothingHeld(Course current, Course changed) {
        boolean poolChanges = !current.poolId().equals(changed.poolId());
        boolean zoneChanges = !current.zone().equals(changed.zone());
        if (!poolChanges && !zoneChanges) {
            return;
        }
        if (poolChanges) {
            members.lockAll(current.id()); // bookings being decided finish first, with the old pool
            pools.lock(current.poolId()); // and any run of the old pool being started
        }
        Instant now = clock.instant();
        List<CourseHolds.Hold> held = holds.of(current.id(), now).stream()
                .filter(h -> poolChanges || h.kind() == CourseHolds.Hold.Kind.OCCURRENCE).toList();
        if (held.isEmpty()) {
            return;
        }
        String what = poolChanges ? "pool" : "time zone";
        String named = String.join(", ", held.stream().limit(NAMED_AT_MOST).map(CourseHolds.Hold::describe)
                .toList());
        throw new Conflict("the " + what + " of course '" + current.name() + "' cannot change while "
                + held.size() + (held.size() == 1 ? " thing holds" : " things hold") + " capacity booked under the"
                + " old one: " + named + (held.size() > NAMED_AT_MOST ? " and " + (held.size() - NAMED_AT_MOST)
                + " more" : "") + ". Cancel them or wait until they are over; nothing was changed");
    }

    private void save(Course changed) {
        try {
            courses.update(changed);
        } catch (DataIntegrityViolationException e) {
            throw DatabaseErrors.violates(e, "courses_name_unique")
                    ? new Conflict("a course named '" + changed.name() + "' exists already; nothing was changed") : e;
        }
    }

    static String tag(Course course) {
        return "\"" + course.version() + "\"";
    }

    /** Passes when the header is absent, {@code *}, or names the course's current version. */
    private static void requireMatch(String ifMatch, Course course) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String t : ifMatch.split(",")) {
            if (t.trim().equals("*") || t.trim().equals(tag(course))) {
                return;
            }
        }
        throw new PreconditionFailed("course '" + course.name() + "' is at version " + course.version() + " (ETag "
                + tag(course) + "), not the one in If-Match; fetch it again and reapply your change");
    }
}
