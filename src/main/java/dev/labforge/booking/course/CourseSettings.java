package dev.labforge.booking.course;

import dev.labforge.access.Caller;
import dev.labforge.access.Permission;
import dev.labforge.api.Forbidden;
import dev.labforge.api.InvalidField;
import dev.labforge.api.NotFound;
import dev.labforge.booking.capacity.CapacityPool;
import dev.labforge.booking.capacity.CapacityPools;
import dev.labforge.booking.capacity.Demand;
import dev.labforge.booking.capacity.TemplateDemand;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabDefinitions;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The rules a course's settings obey beyond their fields' own bounds, the same whether the course is made
 * ({@code POST /courses}) or changed ({@code PATCH /courses/{c}}): the pool exists, the template is a lab the
 * caller may edit and one run of it fits the pool, slots are whole 15-minute steps, an extension window is no
 * longer than the longest slot, the end action and the time zone are ones LabForge knows.
 */
@Component
class CourseSettings {

    /** The settings, resolved; every part null where its rule was broken (see the errors). */
    record Checked(CapacityPool pool, LabDefinition template, Duration maxSlot, Duration bookingWindow,
                   Duration weeklyAllowance, EndAction endAction, ZoneId zone, Integer maxExtensions,
                   Duration extendWithin) {
    }

    private static final ZoneId UTC = ZoneId.of("UTC");
    /** The request's own bound on the longest slot and on the extension window: beyond it that bound speaks. */
    private static final int MAX_SLOT_LIMIT = 1440;

    private final CapacityPools pools;
    private final LabDefinitions labs;
    private final TemplateDemand demand;

    CourseSettings(CapacityPools pools, LabDefinitions labs, TemplateDemand demand) {
        this.pools = pools;
        this.labs = labs;
        this.demand = demand;
    }

    /**
     * Checks the request, adding what is wrong to {@code errors}. The template is checked for the caller's edit
     * permission unless it is {@code keptTemplate}, the course's own already (a change of other settings does not
     * need the instructor to edit a template another instructor chose); it must still fit the pool.
     */
    Checked check(Caller caller, CourseDocument.CourseRequest request, UUID keptTemplate, List<InvalidField> errors) {
        CapacityPool pool = pools.byName(request.pool()).orElse(null);
        if (pool == null && request.pool() != null) {
            errors.add(InvalidField.at("/pool", "there is no capacity pool named '" + request.pool() + "'"));
        }
        LabDefinition template = request.templateLab() == null ? null
                : request.templateLab().equals(keptTemplate) ? labs.find(keptTemplate).orElse(null)
                : template(caller, request.templateLab(), errors);
        if (template == null && keptTemplate != null && keptTemplate.equals(request.templateLab())) {
            errors.add(InvalidField.at("/templateLab", "the course's template lab " + keptTemplate
                    + " no longer exists: name another"));
        }
        if (template != null && pool != null) {
            Demand needs = demand.of(template.topology());
            List<Demand.Resource> tooBig = needs.shortIn(Demand.NONE, pool.capacity());
            if (!tooBig.isEmpty()) {
                Demand.Resource r = tooBig.getFirst();
                errors.add(InvalidField.at(request.templateLab().equals(keptTemplate) ? "/pool" : "/templateLab",
                        "one run of the template needs " + needs.of(r) + " " + r.words() + " but pool '"
                                + pool.name() + "' has " + pool.capacity().of(r)));
            }
        }
        int maxSlot = orDefault(request.maxSlotMinutes(), 120);
        if (maxSlot % 15 != 0) {
            errors.add(InvalidField.at("/maxSlotMinutes", "slots are made of 15-minute steps: a multiple of 15"));
        }
        Integer within = request.extendWithinMinutes();
        if (within != null && within > maxSlot && within <= MAX_SLOT_LIMIT) {
            // an extension window longer than any slot would open before the booking starts
            errors.add(InvalidField.at("/extendWithinMinutes", "at most the course's longest slot, " + maxSlot
                    + " minutes"));
        }
        EndAction endAction = request.endAction() == null ? EndAction.STOP
                : EndAction.parse(request.endAction()).orElse(null);
        if (endAction == null) {
            errors.add(InvalidField.at("/endAction", "one of stop, destroy, reset"));
        }
        return new Checked(pool, template, Duration.ofMinutes(maxSlot),
                Duration.ofDays(orDefault(request.bookingWindowDays(), 14)),
                Duration.ofMinutes(orDefault(request.weeklyAllowanceMinutes(), 360)), endAction,
                zone(request.timeZone(), errors), request.maxExtensions(),
                within == null ? null : Duration.ofMinutes(within));
    }

    private LabDefinition template(Caller caller, UUID labId, List<InvalidField> errors) {
        try {
            return labs.require(caller, labId, Permission.EDIT);
        } catch (NotFound e) {
            errors.add(InvalidField.at("/templateLab", "you have no lab with id " + labId));
        } catch (Forbidden e) {
            errors.add(InvalidField.at("/templateLab", "a course's template must be a lab you may edit: " + e
                    .getMessage()));
        }
        return null;
    }

    private static ZoneId zone(String name, List<InvalidField> errors) {
        if (name == null) {
            // UTC as the region "UTC", not the offset "Z": the JSON names a time zone as an IANA id, as a client gave it
            return UTC;
        }
        try {
            ZoneId zone = ZoneId.of(name);
            if (zone instanceof ZoneOffset || !zone.getId().contains("/") && !zone.getId().equals("UTC")) {
                errors.add(InvalidField.at("/timeZone", "'" + name + "' is a fixed offset; give a region such as"
                        + " Europe/Zurich, whose daylight-saving changes weeks and local times follow"));
                return null;
            }
            return zone;
        } catch (DateTimeException e) {
            errors.add(InvalidField.at("/timeZone", "'" + name + "' is not a time zone; give an IANA region"
                    + " such as Europe/Zurich"));
            return null;
        }
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
