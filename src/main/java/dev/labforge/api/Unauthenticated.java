package dev.labforge.api;

public class Unauthenticated extends ProblemException {

    public Unauthenticated(String detail) {
        super(ProblemType.UNAUTHENTICATED, detail);
    }
}
