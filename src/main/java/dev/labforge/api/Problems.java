package dev.labforge.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the problem documents; the only place that knows their shape. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail, List<InvalidField> errors,
                                   Map<String, Object> extensions) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        extensions.forEach(problem::setProperty);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemType type, String detail, List<InvalidField> errors) {
        return response(of(type, detail, errors, Map.of()));
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"labforge\"");
        }
        return builder.body(problem);
    }
}
