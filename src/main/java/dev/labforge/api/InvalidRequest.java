package dev.labforge.api;

import java.util.List;

/** The request could not be read at all: malformed JSON or YAML, wrong types, unknown fields. */
public class InvalidRequest extends ProblemException {

    public InvalidRequest(String detail) {
        super(ProblemType.INVALID_REQUEST, detail);
    }

    public InvalidRequest(String detail, List<InvalidField> errors) {
        super(ProblemType.INVALID_REQUEST, detail, errors);
    }
}
