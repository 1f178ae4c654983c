package dev.labforge.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's {@code /error} page, for errors raised outside MVC (in filters, by the
 * container itself): a problem document too, never Spring's default body or a stack trace.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        PayloadTooLarge tooLarge = ProblemHandler.causeOf(cause, PayloadTooLarge.class);
        if (tooLarge != null) {
            return Problems.response(tooLarge.type(), tooLarge.getMessage(), List.of());
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status >= 500 ? "the server failed to handle this request" : type.title();
        ProblemDetail problem = Problems.of(type, detail, List.of(), java.util.Map.of());
        problem.setStatus(status);
        return Problems.response(problem);
    }
}
