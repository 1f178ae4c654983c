package dev.labforge.api;

/** Something LabForge depends on (an identity provider, say) cannot be reached; asking again later may work. */
public class ServiceUnavailable extends ProblemException {

    public ServiceUnavailable(String detail) {
        super(ProblemType.SERVICE_UNAVAILABLE, detail);
    }
}
