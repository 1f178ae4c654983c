package dev.labforge.web.admin;

import dev.labforge.image.ConfigDelivery;
import dev.labforge.image.NicModel;
import dev.labforge.image.ReadinessProbe;
import dev.labforge.web.session.PageSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The admin pages, for administrators only: anyone else signed in gets 403 and a page saying so, not the frame. The
 * check is the session's as read from PostgreSQL at this request, so an administrator whose rights were taken away
 * (or whose token was revoked) is refused from the next request on.
 */
@Controller
class AdminPages {

    /** The admin pages by path, with their titles: the order of the admin menu. */
    enum Section {
        IMAGES("images", "Image catalog"), POOLS("pools", "Capacity pools"), QUOTAS("quotas", "Quotas"),
        USERS("users", "Users and tokens"), AUDIT("audit", "Audit log");

        private final String slug;
        private final String title;

        Section(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        static Section of(String slug) {
            for (Section section : values()) {
                if (section.slug.equals(slug)) {
                    return section;
                }
            }
            throw new IllegalArgumentException(slug); // the mapping's pattern lets only the slugs through
        }

        public String title() {
            return title;
        }

        public String path() {
            return "/admin/" + slug;
        }
    }

    @GetMapping("/admin")
    String home(HttpServletRequest request, HttpServletResponse response, Model model) {
        return admin(request, response, model, Section.IMAGES, "redirect:" + Section.IMAGES.path());
    }

    @GetMapping("/admin/{section:images|pools|quotas|users|audit}")
    String page(@PathVariable String section, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        Section shown = Section.of(section);
        return admin(request, response, model, shown, "admin-" + shown.slug);
    }

    private static String admin(HttpServletRequest request, HttpServletResponse response, Model model,
                                Section section, String view) {
        if (!PageSession.caller(request).admin()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "admin-forbidden";
        }
        model.addAttribute("sections", Section.values());
        model.addAttribute("section", section);
        if (section == Section.IMAGES) { // the choices the catalog's API accepts, as it spells them
            model.addAttribute("nicModels", Arrays.stream(NicModel.values()).map(NicModel::kubevirtName).toList());
            model.addAttribute("configDeliveries", Arrays.stream(ConfigDelivery.values()).map(Enum::name).toList());
            model.addAttribute("probes", Arrays.stream(ReadinessProbe.values()).map(Enum::name).toList());
        }
        return view;
    }
}
