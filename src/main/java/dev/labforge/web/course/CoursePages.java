package dev.labforge.web.course;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The classroom pages: "my courses" (free slots, booking, my bookings, my lab now) and a course's class view. Like the
 * engineer's pages, each is a frame its script fills from /api/v1 with the session's cookie, so what a page shows and
 * does is exactly what the booking API allows the person signed in; the course name is only ever rendered as text.
 */
@Controller
class CoursePages {

    @GetMapping("/courses")
    String courses() {
        return "courses";
    }

    @GetMapping("/courses/{course}/class")
    String classView(@PathVariable String course, Model model) {
        model.addAttribute("course", course);
        return "class";
    }
}
