package dev.labforge.web.lab;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The engineer's pages: the labs list, the import page and a lab's page. Each is a server-rendered frame; its script
 * fills it from the REST API (/api/v1) with the session's cookie, so the page can show and do exactly what the API
 * allows the person signed in, and nothing the API would refuse.
 */
@Controller
class LabPages {

    @GetMapping({"/", "/labs"})
    String labs() {
        return "labs";
    }

    @GetMapping("/labs/new")
    String importForm() {
        return "lab-import";
    }

    @GetMapping("/labs/{id}")
    String lab(@PathVariable UUID id, Model model) {
        model.addAttribute("labId", id);
        return "lab";
    }
}
