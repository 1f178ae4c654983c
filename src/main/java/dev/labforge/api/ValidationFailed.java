package dev.labforge.api;

import java.util.List;

/** The request was well-formed but broke rules; every broken rule is listed with its pointer. */
public class ValidationFailed extends ProblemException {

    public ValidationFailed(List<InvalidField> errors) {
        super(ProblemType.VALIDATION_FAILED, describe(errors), errors);
    }

    private static String describe(List<InvalidField> errors) {
        return errors.size() == 1
                ? "1 field is invalid: " + errors.getFirst().detail()
                : errors.size() + " fields are invalid; see errors";
    }
}
