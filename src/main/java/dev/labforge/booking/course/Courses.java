package dev.labforge.booking.course;

import dev.labforge.api.NotFound;
import dev.labforge.booking.capacity.CapacityLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The courses table. */
@Component
public class Courses {

    private static final String COLUMNS = "select c.id, c.name, c.title, c.template_lab_id, c.pool_id,"
            + " c.max_slot_minutes, c.booking_window_days, c.weekly_allowance_minutes, c.end_action, c.time_zone,"
            + " c.join_code, c.created_by, c.created_at, c.console_transcripts, c.max_extensions, c.extend_within_minutes, c.version from courses c";

    private final JdbcClient jdbc;

    Courses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Course course) {
        jdbc.sql("""
                        insert into courses (id, name, title, template_lab_id, pool_id, max_slot_minutes,
                            booking_window_days, weekly_allowance_minutes, end_action, time_zone, created_by, created_at,
                            console_transcripts, max_extensions, extend_within_minutes)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(course.id(), course.name(), course.title(), course.templateLabId(), course.poolId(),
                        (int) course.maxSlot().toMinutes(), (int) course.bookingWindow().toDays(),
                        (int) course.weeklyAllowance().toMinutes(), course.endAction().label(), course.zone().getId(),
                        course.createdBy(), CapacityLedger.utc(course.createdAt()), course.consoleTranscripts(),
                        course.maxExtensions(), minutes(course.extendWithin()))
                .update();
    }

    /** Writes the course's settings as they are now and counts a new version. */
    void update(Course course) {
        jdbc.sql("""
                        update courses set name = ?, title = ?, template_lab_id = ?, pool_id = ?, max_slot_minutes = ?,
                            booking_window_days = ?, weekly_allowance_minutes = ?, end_action = ?, time_zone = ?,
                            console_transcripts = ?, max_extensions = ?, extend_within_minutes = ?,
                            version = version + 1
                        where id = ?""")
                .params(course.name(), course.title(), course.templateLabId(), course.poolId(),
                        (int) course.maxSlot().toMinutes(), (int) course.bookingWindow().toDays(),
                        (int) course.weeklyAllowance().toMinutes(), course.endAction().label(), course.zone().getId(),
                        course.consoleTranscripts(), course.maxExtensions(), minutes(course.extendWithin()),
                        course.id())
                .update();
    }

    public Optional<Course> byName(String name) {
        return jdbc.sql(COLUMNS + " where c.name = ?").param(name).query((rs, row) -> course(rs)).optional();
    }

    public Optional<Course> byId(UUID id) {
        return jdbc.sql(COLUMNS + " where c.id = ?").param(id).query((rs, row) -> course(rs)).optional();
    }

    Optional<Course> byJoinCode(String code) {
        return jdbc.sql(COLUMNS + " where c.join_code = ?").param(code).query((rs, row) -> course(rs)).optional();
    }

    /** Courses the user is a member of, or every course for {@code all}. */
    public List<Course> visibleTo(UUID userId, boolean all) {
        return jdbc.sql(COLUMNS + " where :all or c.id in (select m.course_id from course_members m"
                        + " where m.user_id = :u) order by c.name")
                .param("all", all).param("u", userId).query((rs, row) -> course(rs)).list();
    }

    /**
     * Locks the course's row: roster changes, class sessions and settings changes of one course run one after
     * another. {@code no key update}: it does not hold up a booking's insert, whose foreign key takes a key-share
     * lock on the row (a booking is serialised by its member's row instead).
     */
    public void lock(UUID id) {
        jdbc.sql("select id from courses where id = ? for no key update").param(id).query(UUID.class).optional()
                .orElseThrow(() -> new NotFound("no course with id " + id));
    }

    void setJoinCode(UUID id, String code) {
        jdbc.sql("update courses set join_code = ? where id = ?").params(code, id).update();
    }

    private static Course course(ResultSet rs) throws SQLException {
        return new Course(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class), Duration.ofMinutes(rs.getInt(6)), Duration.ofDays(rs.getInt(7)),
                Duration.ofMinutes(rs.getInt(8)), EndAction.parse(rs.getString(9)).orElseThrow(),
                ZoneId.of(rs.getString(10)), rs.getString(11), rs.getObject(12, UUID.class),
                rs.getObject(13, OffsetDateTime.class).toInstant(), rs.getBoolean(14), rs.getObject(15, Integer.class),
                Optional.ofNullable(rs.getObject(16, Integer.class)).map(Duration::ofMinutes).orElse(null),
                rs.getLong(17));
    }

    private static Integer minutes(Duration duration) {
        return duration == null ? null : (int) duration.toMinutes();
    }
}
