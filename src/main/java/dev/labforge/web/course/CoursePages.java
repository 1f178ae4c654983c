package dev.labforge.web.course;

import dev.labforge.web.session.NotFoundPage;
import dev.labforge.web.session.PageSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The classroom pages: "my courses" (free slots, booking, my bookings, my lab now), a course's class view, and for
 * instructors creating a course and its set-up (settings, roster, sessions). Like the engineer's pages, each is a
 * frame its script fills from /api/v1 with the session's cookie, so what a page shows and does is exactly what the
 * booking API allows the person signed in; the course name is only ever rendered as text. A course the caller cannot
 * see (none by that name, or not theirs: the API answers both alike) gets a plain not-found page instead of a frame
 * whose every call would fail; booking decides that, through {@link CourseVisibility}.
 */
@Controller
class CoursePages {

    private final CourseVisibility courses;

    CoursePages(CourseVisibility courses) {
        this.courses = courses;
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
    String classView(@PathVariable String course, HttpServletRequest request, HttpServletResponse response,
                     Model model) {
        if (!courses.visibleTo(PageSession.caller(request), course)) {
            return notFound(course, response, model);
        }
        model.addAttribute("course", course);
        return "class";
    }

    /** Who may do what is the API's to say; the page only leaves out the group form's buttons for non-admins. */
    @GetMapping("/courses/{course}/setup")
    String setup(@PathVariable String course, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        if (!courses.visibleTo(PageSession.caller(request), course)) {
            return notFound(course, response, model);
        }
        model.addAttribute("course", course);
        model.addAttribute("admin", PageSession.caller(request).admin());
        return "course-setup";
    }

    private static String notFound(String course, HttpServletResponse response, Model model) {
        // the API's words for it (CourseAccess.notFound), so the page and a script calling the API say the same
        return NotFoundPage.render(response, model, "Course not found", "no course named '" + course + "'",
                "/courses", "Back to your courses");
    }
}
