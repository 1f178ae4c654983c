package dev.labforge.api;

import jakarta.validation.Valid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every problem of a request body in one answer. Without this a client (the web page's forms first of all) learns of
 * its request's problems in rounds: the first value of a wrong JSON type stops reading, so the annotations never run;
 * the annotations' problems stop the request before the module's own rules run. So: a JSON body that a validated
 * parameter ({@code @Valid}) cannot read is read without the values that do not fit ({@link TypeErrors}), and validated
 * as it stands with those values' problems added; and every {@link BodyRules} bean for the body's type runs in the same
 * pass as its annotations. A body with an unreadable value is refused whatever else holds (400, invalid-request).
 */
@ControllerAdvice
class OneRoundValidation extends RequestBodyAdviceAdapter {

    private static final String TYPE_ERRORS = OneRoundValidation.class.getName() + ".typeErrors";

    private final JsonMapper json;
    private final List<BodyRules<?>> rules;

    OneRoundValidation(JsonMapper json, List<BodyRules<?>> rules) {
        this.json = json;
        this.rules = rules;
    }

    /** The values of this request's body that could not be read, each with its pointer; empty when none. */
    @SuppressWarnings("unchecked")
    static List<InvalidField> typeErrors() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object found = request == null ? null : request.getAttribute(TYPE_ERRORS, RequestAttributes.SCOPE_REQUEST);
        return found == null ? List.of() : (List<InvalidField>) found;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        // only where validation runs after reading: elsewhere a body left without its unreadable values would be
        // acted on, so there the first unreadable value still stops the request
        return (parameter.hasParameterAnnotation(Valid.class) || parameter.hasParameterAnnotation(Validated.class))
                && converterType.getSimpleName().contains("Jackson");
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        byte[] body = input.getBody().readAllBytes();
        TypeErrors.Read read = TypeErrors.read(json, body, json.getTypeFactory().constructType(targetType));
        if (!read.errors().isEmpty()) {
            RequestContextHolder.currentRequestAttributes().setAttribute(TYPE_ERRORS, read.errors(),
                    RequestAttributes.SCOPE_REQUEST);
        }
        return message(input.getHeaders(), read.body());
    }

    @InitBinder
    void validateInOneRound(WebDataBinder binder) {
        Object target = binder.getTarget();
        if (target == null) {
            return;
        }
        if (!typeErrors().isEmpty()) {
            binder.addValidators(new Unreadable());
        }
        for (BodyRules<?> rule : rules) {
            if (rule.supports(target.getClass())) {
                binder.addValidators(rule);
            }
        }
    }

    /** Puts the unreadable values into the binding result, so that the request fails whatever else holds. */
    private static final class Unreadable implements Validator {

        @Override
        public boolean supports(Class<?> clazz) {
            return true;
        }

        @Override
        public void validate(Object target, Errors errors) {
            if (!errors.hasErrors()) { // ProblemHandler lists the type errors themselves first, from the request
                BodyRules.reject(errors, typeErrors().getFirst());
            }
        }
    }

    private static HttpInputMessage message(HttpHeaders headers, byte[] body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
