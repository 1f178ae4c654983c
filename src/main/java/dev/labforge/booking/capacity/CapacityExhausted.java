package dev.labforge.booking.capacity;

import dev.labforge.api.ProblemException;
import dev.labforge.api.ProblemType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pool has no room for a reservation. The problem names the resource short, by how much, and the
 * interval in which it is short, so a client can pick another time without guessing.
 */
public class CapacityExhausted extends ProblemException {

    private final Map<String, Object> extensions = new LinkedHashMap<>();

    CapacityExhausted(String pool, Demand.Resource resource, long capacity, long reserved, long requested,
                      Instant from, Instant to) {
        super(ProblemType.CAPACITY_EXHAUSTED, "pool '" + pool + "' is short of "
                + (reserved + requested - capacity) + " " + resource.words() + " from " + from + " to " + to
                + ": " + reserved + " of " + capacity + " are reserved then and this needs " + requested);
        extensions.put("pool", pool);
        extensions.put("resource", resource.field());
        extensions.put("capacity", capacity);
        extensions.put("reserved", reserved);
        extensions.put("requested", requested);
        extensions.put("shortBy", reserved + requested - capacity);
        extensions.put("interval", Map.of("start", from.toString(), "end", to.toString()));
    }

    private CapacityExhausted(String detail, Map<String, Object> extensions) {
        super(ProblemType.CAPACITY_EXHAUSTED, detail);
        this.extensions.putAll(extensions);
    }

    /** A capacity change would leave reservations already made without room. */
    static CapacityExhausted shrink(String pool, Demand.Resource resource, long capacity, long reserved,
                                    Instant from, Instant to) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("pool", pool);
        extensions.put("resource", resource.field());
        extensions.put("capacity", capacity);
        extensions.put("reserved", reserved);
        extensions.put("shortBy", reserved - capacity);
        extensions.put("interval", Map.of("start", from.toString(), "end", to.toString()));
        return new CapacityExhausted("pool '" + pool + "' cannot shrink to " + capacity + " " + resource.words()
                + ": " + reserved + " are reserved from " + from + " to " + to, extensions);
    }

    /**
     * The same shortage, named for occurrence {@code seq} of {@code count} of a class session: which
     * occurrence could not be booked comes first in the detail and as {@code occurrence}.
     */
    public CapacityExhausted inOccurrence(int seq, int count, Instant start, Instant end) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("occurrence", Map.of("seq", seq, "start", start.toString(), "end", end.toString()));
        named.putAll(extensions);
        return new CapacityExhausted("occurrence " + seq + " of " + count + " (" + start + " to " + end
                + ") does not fit: " + getMessage() + "; nothing was booked", named);
    }

    /** The same shortage, for a running lab's edit that needs more than its run holds. */
    CapacityExhausted inRunningLab(java.util.UUID labId, Instant runEnd) {
        return new CapacityExhausted("lab " + labId + " runs on capacity reserved until " + runEnd + "; the edit"
                + " needs more: " + getMessage() + ". Nothing was changed; stop the lab first, or edit it to fit",
                extensions);
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
