package dev.labforge.booking.course;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The identity-provider group a course follows ({@code courses.idp_group}), and who came in by it. */
@Component
class CourseGroups {

    private final JdbcClient jdbc;

    CourseGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> of(UUID courseId) {
        return jdbc.sql("select idp_group from courses where id = ?").param(courseId).query(String.class).optional();
    }

    void set(UUID courseId, String group) {
        jdbc.sql("update courses set idp_group = ? where id = ?").params(group, courseId).update();
    }

    /** Courses following one of the groups that the user is not a member of yet. */
    List<UUID> toJoin(UUID userId, Set<String> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id from courses c where c.idp_group = any (?)
                          and not exists (select 1 from course_members m where m.course_id = c.id and m.user_id = ?)
                        order by c.name""")
                .params(groups.toArray(String[]::new), userId).query(UUID.class).list();
    }

    /** Courses the user came into by a group that the course no longer follows or the user no longer has. */
    List<UUID> toLeave(UUID userId, Set<String> groups) {
        return jdbc.sql("""
                        select c.id from course_members m join courses c on c.id = m.course_id
                        where m.user_id = ? and m.source = 'idp'
                          and (c.idp_group is null or not (c.idp_group = any (?)))
                        order by c.name""")
                .params(userId, groups.toArray(String[]::new)).query(UUID.class).list();
    }
}
