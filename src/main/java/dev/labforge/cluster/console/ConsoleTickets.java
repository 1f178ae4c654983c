package dev.labforge.cluster.console;

import dev.labforge.access.Caller;
import dev.labforge.api.Forbidden;
import dev.labforge.api.Unauthenticated;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Console tickets: what a bearer token buys so that a browser, which cannot send {@code Authorization} on a
 * WebSocket, can open one console. A ticket is bound to the user (and the credential they bought it with), one
 * lab, one node and one console kind, lives {@link ConsoleProperties#ticketLifetime()} by the {@link Clock}, and
 * is spent by the first attempt to redeem it, whether or not that attempt fits its binding.
 */
@Component
class ConsoleTickets {

    static final String PREFIX = "lfc_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Spent and expired tickets stay this long (to tell "used" from "unknown"), then an issue sweeps them. */
    private static final Duration KEEP_SPENT = Duration.ofHours(1);

    record Issued(String ticket, Instant expiresAt) {
    }

    /**
     * A redeemed ticket: who bought it (as they were then; ask {@code Credentials} how they stand now) and
     * what it opens.
     */
    record Redeemed(Caller buyer, UUID lab, String node, ConsoleKind kind) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;

    @Autowired
    ConsoleTickets(JdbcClient jdbc, ConsoleProperties properties, ObjectProvider<Clock> clock) {
        this(jdbc, properties.ticketLifetime(), clock.getIfAvailable(Clock::systemUTC));
    }

    ConsoleTickets(JdbcClient jdbc, Duration lifetime, Clock clock) {
        this.jdbc = jdbc;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    Issued issue(Caller caller, UUID lab, String node, ConsoleKind kind) {
        Instant now = clock.instant();
        jdbc.sql("delete from console_tickets where expires_at < ?").param(timestamp(now.minus(KEEP_SPENT))).update();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String ticket = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(lifetime);
        jdbc.sql("""
                insert into console_tickets (ticket_hash, user_id, credential, credential_expires_at, lab_id, node,
                                             kind, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(hash(ticket), caller.userId(), caller.credential(), timestamp(caller.expiresAt()), lab, node,
                        kind.label(), timestamp(expiresAt))
                .update();
        return new Issued(ticket, expiresAt);
    }

    /**
     * Spends the ticket and returns what it was bought for, if that is the console asked for. One update spends it,
     * so of two replicas redeeming the same ticket at once exactly one succeeds.
     *
     * @throws Unauthenticated if the ticket is unknown, spent or expired
     * @throws Forbidden       if it was bought for another lab, node or console kind
     */
    Redeemed redeem(String ticket, UUID lab, String node, ConsoleKind kind) {
        if (ticket == null || !ticket.startsWith(PREFIX)) {
            throw new Unauthenticated("open a console with ?ticket=<ticket from POST .../console/tickets>");
        }
        Instant now = clock.instant();
        Redeemed spent = jdbc.sql("""
                update console_tickets set redeemed_at = ?
                where ticket_hash = ? and redeemed_at is null and expires_at > ?
                returning user_id, credential, credential_expires_at, lab_id, node, kind""")
                .params(timestamp(now), hash(ticket), timestamp(now))
                .query((rs, row) -> new Redeemed(
                        new Caller(rs.getObject(1, UUID.class), "", false, rs.getString(2),
                                instant(rs.getObject(3, OffsetDateTime.class))),
                        rs.getObject(4, UUID.class), rs.getString(5), ConsoleKind.parse(rs.getString(6)).orElseThrow()))
                .optional()
                .orElseThrow(() -> new Unauthenticated(whyNot(ticket)));
        if (!spent.lab().equals(lab) || !spent.node().equals(node) || spent.kind() != kind) {
            throw new Forbidden("this ticket opens the " + spent.kind().label() + " console of node " + spent.node()
                    + " in lab " + spent.lab() + ", not the " + kind.label() + " console of node " + node + " in lab "
                    + lab + "; it is spent now");
        }
        return spent;
    }

    private String whyNot(String ticket) {
        return jdbc.sql("select redeemed_at is not null from console_tickets where ticket_hash = ?")
                .param(hash(ticket)).query(Boolean.class).optional()
                .map(used -> used ? "this console ticket was used already; ask for a new one for each connection"
                        : "this console ticket expired; ask for a new one right before connecting")
                .orElse("this console ticket is unknown (or expired long ago); ask for a new one");
    }

    static byte[] hash(String ticket) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
