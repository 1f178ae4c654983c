package dev.labforge.api;

public class PayloadTooLarge extends ProblemException {

    public PayloadTooLarge(long limit) {
        super(ProblemType.PAYLOAD_TOO_LARGE, "request bodies are limited to " + limit + " bytes");
    }
}
