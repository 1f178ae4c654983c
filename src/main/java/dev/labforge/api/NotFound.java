package dev.labforge.api;

/** Also the answer for things that exist but the caller may not see: no leak of their existence. */
public class NotFound extends ProblemException {

    public NotFound(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}
