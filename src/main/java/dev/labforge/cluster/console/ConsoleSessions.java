package dev.labforge.cluster.console;

import dev.labforge.access.Caller;
import dev.labforge.api.ProblemException;
import dev.labforge.api.ProblemType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How many console sockets (serial and VNC, any lab) each user holds open in this replica, against
 * {@link ConsoleProperties#maxSessionsPerUser()}: a user cannot pile up idle consoles (each holds a socket, a file
 * descriptor and possibly an upstream connection to the cluster). Asked before the upgrade, so that a refusal is a
 * problem document, and again when the socket opens, since two tickets may be redeemed at once.
 */
@Component
class ConsoleSessions {

    private final int max;
    private final Map<UUID, Integer> open = new HashMap<>();

    ConsoleSessions(ConsoleProperties properties) {
        this.max = properties.maxSessionsPerUser();
    }

    /** Refuses with a problem (403 quota-exceeded) when the user holds the most consoles already. */
    void check(Caller caller) {
        int held = held(caller.userId());
        if (held >= max) {
            throw new TooManySessions(caller, held, max);
        }
    }

    /** Counts a socket that opened; false (not counted) when it would pass the limit. */
    synchronized boolean acquire(UUID user) {
        int held = open.getOrDefault(user, 0);
        if (held >= max) {
            return false;
        }
        open.put(user, held + 1);
        return true;
    }

    synchronized void release(UUID user) {
        open.computeIfPresent(user, (u, held) -> held <= 1 ? null : held - 1);
    }

    synchronized int held(UUID user) {
        return open.getOrDefault(user, 0);
    }

    /** The user holds as many consoles as they may. */
    static final class TooManySessions extends ProblemException {

        private final Map<String, Object> extensions;

        TooManySessions(Caller caller, int held, int max) {
            super(ProblemType.QUOTA_EXCEEDED, caller.username() + " has " + held + " consoles open, the most one user"
                    + " may (labforge.console.max-sessions-per-user); close one first");
            extensions = Map.of("limit", "consoleSessions", "max", max, "used", held, "requested", 1);
        }

        @Override
        public Map<String, Object> extensions() {
            return extensions;
        }
    }
}
