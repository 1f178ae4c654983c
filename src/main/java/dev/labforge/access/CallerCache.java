package dev.labforge.access;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Callers already verified, by a key derived from their credential, each until a given instant. Bounded:
 * when full it starts afresh, which costs a few verifications and never trusts anything longer.
 */
class CallerCache {

    private record Entry(Caller caller, Instant validUntil) {
    }

    private static final int MAX_CACHED = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<Caller> get(String key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.validUntil())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    void put(String key, Caller caller, Instant validUntil) {
        if (entries.size() >= MAX_CACHED) {
            entries.clear();
        }
        entries.put(key, new Entry(caller, validUntil));
    }
}
