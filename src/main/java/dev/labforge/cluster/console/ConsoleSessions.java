package dev.labforge.cluster.console;

import dev.labforge.access.Caller;
import dev.labforge.api.ProblemException;
import dev.labforge.api.ProblemType;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many console sockets (serial and VNC, any lab) each user holds open across every replica, against
 * {@link ConsoleProperties#maxSessionsPerUser()}: a user cannot pile up idle consoles (each holds a socket, a file
 * descriptor and possibly an upstream connection to the cluster), and opening them at several replicas does not
 * multiply the limit. Each open socket is a row in {@code console_sessions}, which every replica shares; it is counted
 * and inserted under the user's advisory lock, so two replicas opening at once cannot both take the last one. Asked
 * before the upgrade, so that a refusal is a problem document, and again, for real, when the socket opens.
 *
 * <p>A replica renews its rows every {@link #HEARTBEAT}; rows not renewed for {@link #LEASE} (their replica died
 * without closing its sockets) no longer count and are deleted by the next acquire for their user.
 */
@Component
class ConsoleSessions {

    /** A replica that stops renewing (crash, partition) frees its users' consoles after this long. */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** A third of the lease: two heartbeats may fail (the database away a moment) before rows lapse. */
    static final Duration HEARTBEAT = LEASE.dividedBy(3);
    /** The advisory lock class of users' console counts, in the two-int key space (quotas' is "LabQ"). */
    static final int LOCK_CLASS = 0x4C616243; // "LabC"

    private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int max;
    private final UUID replica = UUID.randomUUID();
    /** Rows this replica inserted and has not deleted: with none, a heartbeat has nothing to renew and skips. */
    private final Set<UUID> mine = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;

    @Autowired
    ConsoleSessions(JdbcClient jdbc, TransactionTemplate transactions, ConsoleProperties properties,
                    ObjectProvider<Clock> clock) {
        this(jdbc, transactions, properties.maxSessionsPerUser(), clock.getIfAvailable(Clock::systemUTC));
        heartbeat.scheduleWithFixedDelay(this::renewQuietly, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A replica's counter without its heartbeat: the caller calls {@link #renew} (tests, with their clock). */
    ConsoleSessions(JdbcClient jdbc, TransactionTemplate transactions, int max, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.max = max;
        this.clock = clock;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("console-sessions").daemon().factory());
    }

    /** Refuses with a problem (403 quota-exceeded) when the user holds the most consoles already. */
    void check(Caller caller) {
        int held = held(caller.userId());
        if (held >= max) {
            throw new TooManySessions(caller, held, max);
        }
    }

    /** Counts a socket that opened: the id of its row, or empty (not counted) when it would pass the limit. */
    Optional<UUID> acquire(UUID user) {
        return transactions.execute(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS, user.hashCode())
                    .query((rs, row) -> 0).list();
            Instant now = clock.instant();
            jdbc.sql("delete from console_sessions where user_id = ? and expires_at <= ?")
                    .params(user, Timestamp.from(now)).update();
            if (held(user) >= max) {
                return Optional.empty();
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into console_sessions (id, user_id, replica, opened_at, expires_at)
                    values (?, ?, ?, ?, ?)""")
                    .params(id, user, replica, Timestamp.from(now), Timestamp.from(now.plus(LEASE)))
                    .update();
            mine.add(id);
            return Optional.of(id);
        });
    }

    /** The socket closed: it no longer counts, at any replica. */
    void release(UUID session) {
        mine.remove(session);
        jdbc.sql("delete from console_sessions where id = ?").param(session).update();
    }

    /** Consoles the user holds open now, at every replica whose heartbeat is current. */
    int held(UUID user) {
        return jdbc.sql("select count(*) from console_sessions where user_id = ? and expires_at > ?")
                .params(user, Timestamp.from(clock.instant())).query(Integer.class).single();
    }

    /** This replica's heartbeat: its rows count for another {@link #LEASE}. */
    void renew() {
        if (mine.isEmpty()) {
            return;
        }
        jdbc.sql("update console_sessions set expires_at = ? where replica = ?")
                .params(Timestamp.from(clock.instant().plus(LEASE)), replica).update();
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) { // the database away for a moment: the next beat renews; LEASE covers two
            log.warn("console sessions heartbeat failed: {}", e.toString());
        }
    }

    /** The replica stops: its sockets are closed (or gone), so its rows need not wait for the lease. */
    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
        try {
            jdbc.sql("delete from console_sessions where replica = ?").param(replica).update();
        } catch (RuntimeException e) { // the database already gone: the rows lapse with the lease
            log.warn("console sessions of this replica left to expire: {}", e.toString());
        }
    }

    /** The user holds as many consoles as they may. */
    static final class TooManySessions extends ProblemException {

        private final Map<String, Object> extensions;

        TooManySessions(Caller caller, int held, int max) {
            super(ProblemType.QUOTA_EXCEEDED, caller.username() + " has " + held + " consoles open, the most one user"
                    + " may (labforge.console.max-sessions-per-user, counted across replicas); close one first");
            extensions = Map.of("limit", "consoleSessions", "max", max, "used", held, "requested", 1);
        }

        @Override
        public Map<String, Object> extensions() {
            return extensions;
        }
    }
}
