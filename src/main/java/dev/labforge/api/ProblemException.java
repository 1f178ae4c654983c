package dev.labforge.api;

import java.util.List;
import java.util.Map;

/**
 * Base of the exceptions that end a request with a problem document. Subclasses are named for the
 * problem ({@code LabNotFound}); each maps to one {@link ProblemType}.
 */
public abstract class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<InvalidField> errors;

    protected ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    protected ProblemException(ProblemType type, String detail, List<InvalidField> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<InvalidField> errors() {
        return errors;
    }

    /** Extra members of the problem document, beyond type, title, status, detail and errors. */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
