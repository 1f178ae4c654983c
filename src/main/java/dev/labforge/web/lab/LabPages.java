package dev.labforge.web.lab;

import dev.labforge.lab.LabList;
import dev.labforge.lab.LabStatusSource;
import dev.labforge.web.session.NotFoundPage;
import dev.labforge.web.session.PageSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The engineer's pages: the labs list, the import and create pages and a lab's page. The labs list is rendered here,
 * every lab with its state in a fixed number of statements, and kept live by one stream for all of them. The others
 * are server-rendered frames; their scripts fill them from the REST API (/api/v1) with the session's cookie, so the
 * page can show and do exactly what the API allows the person signed in, and nothing the API would refuse.
 */
@Controller
class LabPages {

    /** The most labs of each kind (owned, shared) the list shows; newest first, a note says when there are more. */
    static final int LIST_LIMIT = 1000;

    private final LabList labs;
    private final List<LabStatusSource> statusSources;

    LabPages(LabList labs, List<LabStatusSource> statusSources) {
        this.labs = labs;
        this.statusSources = statusSources;
    }

    @GetMapping({"/", "/labs"})
    String labs(HttpServletRequest request, Model model) {
        LabList.Overview overview = labs.overview(PageSession.caller(request), LIST_LIMIT);
        Map<UUID, String> states = new HashMap<>();
        for (LabStatusSource source : statusSources) {
            source.summariesOf(overview.ids()).forEach((id, status) -> states.put(id, status.state()));
        }
        model.addAttribute("labs", overview);
        model.addAttribute("rows", new Rows(LabRowRenderer.rows(overview.mine(), states),
                LabRowRenderer.rows(overview.teams(), states), LabRowRenderer.rows(overview.shared(), states)));
        return "labs";
    }

    /** Each table's rows as escaped HTML (LabRowRenderer), for the template to insert as they are. */
    record Rows(String mine, String teams, String shared) {
    }

    @GetMapping("/labs/new")
    String importForm() {
        return "lab-import";
    }

    @GetMapping("/labs/create")
    String createForm() {
        return "lab-create";
    }

    /**
     * A lab the caller cannot see (no such id, not a lab id at all, or not theirs: the API answers all alike) gets a
     * plain not-found page, not a frame whose every call would fail.
     */
    @GetMapping("/labs/{id}")
    String lab(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
        UUID labId = uuid(id);
        if (labId == null || !labs.sees(PageSession.caller(request), labId)) {
            return NotFoundPage.render(response, model, "Lab not found", "no lab with id " + id, "/labs",
                    "Back to your labs");
        }
        model.addAttribute("labId", labId);
        return "lab";
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }
}
