package dev.labforge.api;

public class PreconditionFailed extends ProblemException {

    public PreconditionFailed(String detail) {
        super(ProblemType.PRECONDITION_FAILED, detail);
    }
}
