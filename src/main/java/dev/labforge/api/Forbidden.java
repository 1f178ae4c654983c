package dev.labforge.api;

public class Forbidden extends ProblemException {

    public Forbidden(String detail) {
        super(ProblemType.FORBIDDEN, detail);
    }
}
