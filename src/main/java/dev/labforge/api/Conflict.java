package dev.labforge.api;

public class Conflict extends ProblemException {

    public Conflict(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
