package dev.labforge.api;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every exception that reaches MVC into an RFC 9457 problem. Bad input is a 4xx with
 * pointers; anything unexpected is a 500 that names no internals (the log has the stack trace).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return Problems.response(Problems.of(e.type(), e.getMessage(), e.errors(), e.extensions()));
    }

    /**
     * A write that lost a race on a row's version. A 412 answers only a precondition the client sent
     * (If-Match, checked under the row's lock); this is a conflict the client may simply retry.
     */
    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ObjectOptimisticLockingFailureException e) {
        return Problems.response(ProblemType.CONFLICT,
                "a concurrent request changed the same resource at the same time; send the request again", List.of());
    }

    /**
     * A transaction the database ended to break a deadlock, or that could not have a lock in time. Lock orders are
     * meant to make this impossible, so the operators are told (with PostgreSQL's account of who waited for whom);
     * the client gets a conflict it may send again, not a 500.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> lockFailure(PessimisticLockingFailureException e) {
        log.warn("a request lost a lock to another (sent back as 409): {}", e.getMostSpecificCause().getMessage());
        return Problems.response(ProblemType.CONFLICT,
                "a concurrent request held what this one needed; send the request again", List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("a write was refused by the database: {}", DatabaseErrors.describe(e));
        String state = DatabaseErrors.sqlState(e);
        if (state != null && state.startsWith("22")) {
            // class 22, data exception: a NUL character in a text, a number out of range
            return Problems.response(ProblemType.INVALID_REQUEST, "the request holds a value the database cannot"
                    + " store: a NUL character (U+0000) in a text, or a number out of range", List.of());
        }
        return Problems.response(ProblemType.CONFLICT,
                "the change conflicts with existing data (a name already taken, or a reference in use)", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            // an id that cannot even be parsed names nothing that exists
            return Problems.response(ProblemType.NOT_FOUND, "no such " + e.getName(), List.of());
        }
        return Problems.response(ProblemType.INVALID_REQUEST, "parameter '" + e.getName() + "' has the wrong type",
                List.of(InvalidField.parameter(e.getName(), "cannot be read as " + simpleType(e))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        PayloadTooLarge tooLarge = causeOf(e, PayloadTooLarge.class);
        if (tooLarge != null) {
            return problem(tooLarge);
        }
        if (causeOf(e, SQLTransientConnectionException.class) != null) {
            // every database connection was busy for the pool's whole wait: a load peak, not a fault
            log.warn("no database connection free in time: {}", e.getMessage());
            ResponseEntity<ProblemDetail> busy = Problems.response(ProblemType.SERVICE_UNAVAILABLE,
                    "the service is too busy to take this request now; send it again in a moment", List.of());
            return ResponseEntity.status(busy.getStatusCode()).headers(busy.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "1").body(busy.getBody());
        }
        log.error("unexpected error", e);
        return Problems.response(ProblemType.INTERNAL_ERROR,
                "the server failed to handle this request; the operators have the details in the log", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        PayloadTooLarge tooLarge = causeOf(e, PayloadTooLarge.class);
        if (tooLarge != null) {
            return asObject(problem(tooLarge));
        }
        JacksonException jackson = causeOf(e, JacksonException.class);
        if (jackson == null) {
            return asObject(Problems.response(ProblemType.INVALID_REQUEST, "the request body is missing or unreadable",
                    List.of()));
        }
        String pointer = JsonPointers.fromJacksonPath(jackson.getPath());
        String detail = ReadFailures.describe(jackson);
        return asObject(Problems.response(ProblemType.INVALID_REQUEST, "the request body cannot be read: " + detail,
                List.of(InvalidField.at(pointer, detail))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<InvalidField> unreadable = OneRoundValidation.typeErrors();
        List<InvalidField> errors = new ArrayList<>(unreadable);
        List<InvalidField> broken = new ArrayList<>();
        for (FieldError field : e.getBindingResult().getFieldErrors()) {
            broken.add(InvalidField.at(JsonPointers.fromPropertyPath(field.getField()), field.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(global -> broken.add(BodyRules.problemOf(global)
                .orElseGet(() -> InvalidField.at("", global.getDefaultMessage()))));
        // a field that could not be read was left out of the body validated: its "must not be null" says nothing new
        broken.stream().filter(b -> !errors.contains(b) && unreadable.stream().noneMatch(u -> under(b, u)))
                .forEach(errors::add);
        if (!unreadable.isEmpty()) {
            return asObject(Problems.response(ProblemType.INVALID_REQUEST, "the request body cannot be read: "
                    + (errors.size() == 1 ? errors.getFirst().detail() : errors.size() + " problems; see errors"),
                    errors));
        }
        return asObject(problem(new ValidationFailed(errors)));
    }

    private static boolean under(InvalidField problem, InvalidField unreadable) {
        return problem.pointer() != null && (problem.pointer().equals(unreadable.pointer())
                || problem.pointer().startsWith(unreadable.pointer() + "/"));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(InvalidField.parameter(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage()))));
        return asObject(problem(new ValidationFailed(errors)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemType type = ProblemType.forStatus(status.value());
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : type.title();
        ResponseEntity<ProblemDetail> response = Problems.response(Problems.of(type, detail, List.of(), Map.of()));
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.putAll(response.getHeaders());
        return new ResponseEntity<>(response.getBody(), merged, status);
    }

    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return new ResponseEntity<>(response.getBody(), response.getHeaders(), response.getStatusCode());
    }

    private static String simpleType(MethodArgumentTypeMismatchException e) {
        return e.getRequiredType() == null ? "the expected type" : e.getRequiredType().getSimpleName();
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
