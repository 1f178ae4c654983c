package dev.labforge.quota;

import dev.labforge.api.ProblemException;
import dev.labforge.api.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request would take an owner past a limit. The problem names the limit, the usage and the request. */
public class QuotaExceeded extends ProblemException {

    private final Map<String, Object> extensions = new LinkedHashMap<>();

    /** {@code owner} is the object every other answer names an owner with ({@code kind}, {@code id}, {@code name}). */
    QuotaExceeded(OwnerUsage.Subject owner, String limit, long max, long used, long requested) {
        super(ProblemType.QUOTA_EXCEEDED, "this needs " + requested + " more " + describe(limit) + " but "
                + owner.kind().label() + " " + owner.name() + " uses " + used + " of " + max);
        extensions.put("limit", limit);
        extensions.put("owner", owner);
        extensions.put("max", max);
        extensions.put("used", used);
        extensions.put("requested", requested);
    }

    private static String describe(String limit) {
        return switch (limit) {
            case "labs" -> "labs";
            case "runningNodes" -> "running nodes";
            case "vcpus" -> "vCPUs";
            case "memoryMib" -> "MiB of memory";
            default -> limit;
        };
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
