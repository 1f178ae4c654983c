package dev.labforge.booking.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.labforge.access.UserDirectory;
import dev.labforge.booking.capacity.CapacityLedger;
import dev.labforge.booking.course.Course;
import dev.labforge.booking.course.CourseMembers;
import dev.labforge.booking.course.CourseRole;
import dev.labforge.lab.CourseLabs;
import dev.labforge.lab.LabStatus;
import dev.labforge.lab.LabStatusSource;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The class at a glance: every student on the roster with their lab's state and their current or next
 * booking. Three queries whatever the class size (roster, statuses, bookings), so a stream can build it
 * every second for a class of 300.
 */
@Component
class ClassView {

    @Schema(name = "ClassView", description = "every student of the course with their lab's state and booking")
    record View(String course, Instant at,
                @Schema(description = "students per lab state (RUNNING, FAILED, STOPPED...; DEFINED: never started or"
                        + " destroyed)")
                Map<String, Integer> states, List<Student> students) {
    }

    @Schema(name = "ClassStudent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Student(String username, UUID lab,
                   @Schema(description = "the lab's state, as the lab's own status gives it; DEFINED if it was never started")
                   String state,
                   @Schema(description = "what was asked of it: RUNNING, STOPPED, DESTROYED") String desired,
                   @Schema(description = "nodes READY") int ready, @Schema(description = "nodes it should run; when nothing of it is deployed (DEFINED), the nodes it has")
                   int total,
                   @Schema(description = "why it is not simply RUNNING or STOPPED") List<String> reasons,
                   @Schema(description = "nodes that FAILED, each with its reason") List<LabStatus.NodeStatus> failed,
                   @Schema(description = "the booking running now, else the next one; absent if none") BookingNow booking) {

        Student withoutCountdown() {
            return booking == null || booking.secondsLeft() == null ? this
                    : new Student(username, lab, state, desired, ready, total, reasons, failed,
                    new BookingNow(booking.id(), booking.start(), booking.end(), booking.state(), null,
                            booking.session()));
        }
    }

    @Schema(name = "ClassStudentBooking")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BookingNow(UUID id, Instant start, Instant end,
                      @Schema(description = "booked or active") String state,
                      @Schema(description = "seconds until its end; absent unless active") Long secondsLeft,
                      @Schema(description = "whether a class session seated it") boolean session) {
    }

    /** The lab API's state for a lab with nothing deployed. */
    private static final String DEFINED = "DEFINED";

    private final CourseMembers members;
    private final UserDirectory users;
    private final List<LabStatusSource> statuses;
    private final CourseLabs labs;
    private final JdbcClient jdbc;

    ClassView(CourseMembers members, UserDirectory users, List<LabStatusSource> statuses, CourseLabs labs,
              JdbcClient jdbc) {
        this.labs = labs;
        this.members = members;
        this.users = users;
        this.statuses = statuses;
        this.jdbc = jdbc;
    }

    View of(Course course, Instant now) {
        List<CourseMembers.Member> students = members.of(course.id()).stream()
                .filter(m -> m.role() == CourseRole.STUDENT).toList();
        Map<UUID, String> names = users.usernames(students.stream().map(CourseMembers.Member::userId).toList());
        List<UUID> labs = students.stream().map(CourseMembers.Member::labId).filter(Objects::nonNull).toList();
        Map<UUID, LabStatus> status = new HashMap<>();
        statuses.forEach(source -> status.putAll(source.statusesOf(labs)));
        Map<UUID, Integer> sizes = this.labs.nodeCounts(labs);
        Map<UUID, BookingNow> bookings = bookingsNow(course.id(), now);
        Map<String, Integer> states = new java.util.TreeMap<>();
        List<Student> rows = students.stream().map(m -> {
            LabStatus s = m.labId() == null ? null : status.get(m.labId());
            // never started (no status) or torn down: nothing deployed, so the lab's size is what it would run
            int size = m.labId() == null ? 0 : sizes.getOrDefault(m.labId(), 0);
            Student row = s == null
                    ? new Student(names.get(m.userId()), m.labId(), DEFINED, null, 0, size, List.of(), List.of(),
                    bookings.get(m.userId()))
                    : new Student(names.get(m.userId()), m.labId(), s.state(), s.desired(), s.ready(),
                    DEFINED.equals(s.state()) ? size : s.total(),
                    s.reasons(), s.nodes().stream().filter(n -> "FAILED".equals(n.state())).toList(),
                    bookings.get(m.userId()));
            states.merge(row.state(), 1, Integer::sum);
            return row;
        }).toList();
        return new View(course.name(), now, states, rows);
    }

    /** Each student's booking covering now (from its lead time), else their next one. */
    private Map<UUID, BookingNow> bookingsNow(UUID courseId, Instant now) {
        Map<UUID, BookingNow> all = new HashMap<>();
        jdbc.sql("""
                        select distinct on (user_id) user_id, id, starts_at, ends_at, occurrence_id is not null
                        from bookings where course_id = ? and cancelled_at is null and ends_at > ?
                        order by user_id, starts_at""")
                .params(courseId, CapacityLedger.utc(now))
                .query(rs -> {
                    Instant start = rs.getObject(3, OffsetDateTime.class).toInstant();
                    Instant end = rs.getObject(4, OffsetDateTime.class).toInstant();
                    boolean active = !now.isBefore(start);
                    all.put(rs.getObject(1, UUID.class), new BookingNow(rs.getObject(2, UUID.class), start, end,
                            active ? "active" : "booked", active ? Duration.between(now, end).toSeconds() : null,
                            rs.getBoolean(5)));
                });
        return all;
    }
}
