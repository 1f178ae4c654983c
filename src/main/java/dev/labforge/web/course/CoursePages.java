package dev.labforge.web.course;

import dev.labforge.api.NotFound;
import dev.labforge.booking.course.CourseAccess;
import dev.labforge.booking.course.CourseRole;
import dev.labforge.web.session.PageSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The classroom pages: "my courses" (free slots, booking, my bookings, my lab now), a course's class view, and for
 * instructors creating a course and its set-up (settings, roster, sessions). Like the engineer's pages, each is a
 * frame its script fills from /api/v1 with the session's cookie, so what a page shows and does is exactly what the
 * booking API allows the person signed in; the course name is only ever rendered as text.
 */
@Controller
class CoursePages {

    private final CourseAccess access;

    CoursePages(CourseAccess access) {
        this.access = access;
    }

    @GetMapping("/courses")
    String courses() {
        return "courses";
    }

    @GetMapping("/courses/new")
    String create() {
        return "course-new";
    }

    @GetMapping("/courses/{course}/class")
    String classView(@PathVariable String course, Model model) {
        model.addAttribute("course", course);
        return "class";
    }

    /**
     * Who may do what is the API's to say; the page only leaves out the group form's buttons for non-admins. A course
     * the caller cannot see (none by that name, or not theirs: the API answers both alike) gets a plain not-found
     * page rather than a set-up frame whose every form would fail.
     */
    @GetMapping("/courses/{course}/setup")
    String setup(@PathVariable String course, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        model.addAttribute("course", course);
        try {
            access.require(PageSession.caller(request), course, CourseRole.STUDENT);
        } catch (NotFound notFound) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("message", notFound.getMessage());
            return "course-not-found";
        }
        model.addAttribute("admin", PageSession.caller(request).admin());
        return "course-setup";
    }
}
