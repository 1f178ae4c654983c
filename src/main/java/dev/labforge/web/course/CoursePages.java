package dev.labforge.web.course;

import dev.labforge.web.session.PageSession;
import jakarta.servlet.http.HttpServletRequest;
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

    /** Who may do what is the API's to say; the page only leaves out the group form's buttons for non-admins. */
    @GetMapping("/courses/{course}/setup")
    String setup(@PathVariable String course, HttpServletRequest request, Model model) {
        model.addAttribute("course", course);
        model.addAttribute("admin", PageSession.caller(request).admin());
        return "course-setup";
    }
}
