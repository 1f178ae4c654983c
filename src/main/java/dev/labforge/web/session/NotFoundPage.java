package dev.labforge.web.session;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The page for a path naming something the caller cannot see (none by that name, or not theirs: alike, as the API
 * answers): status 404, what was not found and a way back, and no frame whose every call would fail.
 */
public final class NotFoundPage {

    public static final String VIEW = "not-found";

    private NotFoundPage() {
    }

    /** Sets the status and the model; returns the view to render. */
    public static String render(HttpServletResponse response, Model model, String title, String message,
                                String back, String backText) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("back", back);
        model.addAttribute("backText", backText);
        return VIEW;
    }
}
