package dev.labforge.api;

import java.util.List;
import java.util.Optional;
import org.springframework.validation.Errors;
import org.springframework.validation.ObjectError;
import org.springframework.validation.Validator;

/**
 * Rules on a request body beyond its annotations (across fields, or the domain's), which a module declares as a bean:
 * they run in the same validation pass as the body's annotations ({@code @Valid}), so a client learns every problem
 * of its request in one answer instead of the annotations' first and the rules' only once those are fixed.
 */
public abstract class BodyRules<T> implements Validator {

    /** The code under which a rule's problem travels through Spring's binding result to {@link ProblemHandler}. */
    static final String CODE = "labforge.body-rule";

    private final Class<T> type;

    protected BodyRules(Class<T> type) {
        this.type = type;
    }

    /** Every problem of the body by these rules, each with its pointer. */
    protected abstract List<InvalidField> problems(T body);

    @Override
    public boolean supports(Class<?> clazz) {
        return type.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        List<InvalidField> found;
        try {
            found = problems(type.cast(target));
        } catch (RuntimeException unevaluable) {
            if (!errors.hasErrors()) {
                throw unevaluable;
            }
            // a body that broke its annotations (a required part missing) may not bear the rules; the annotations'
            // problems already say what to fix first
            return;
        }
        found.forEach(problem -> reject(errors, problem));
    }

    static void reject(Errors errors, InvalidField problem) {
        errors.reject(CODE, new Object[] {problem}, problem.detail());
    }

    /** The problem a rule (or a type error, {@link OneRoundValidation}) put into a binding result. */
    static Optional<InvalidField> problemOf(ObjectError error) {
        return CODE.equals(error.getCode()) && error.getArguments() != null && error.getArguments().length == 1
                && error.getArguments()[0] instanceof InvalidField field ? Optional.of(field) : Optional.empty();
    }
}
