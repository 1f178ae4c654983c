package dev.labforge.cluster.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-user console limit holds for the service, not per replica: two counters sharing one database play two
 * replicas. A replica that dies without closing its sockets frees its users' consoles once its lease lapses.
 */
class ConsoleSessionsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private final NodeConsoleTest.MutableClock clock = new NodeConsoleTest.MutableClock(
            Instant.parse("2026-12-06T09:00:00Z"));

    private ConsoleSessions replica(int max) {
        return new ConsoleSessions(jdbc, transactions, max, clock);
    }

    @Test
    void consolesOpenedAtTwoReplicasCountAgainstOneLimit() {
        ConsoleSessions a = replica(3);
        ConsoleSessions b = replica(3);
        UUID user = UUID.randomUUID();
        Optional<UUID> first = a.acquire(user);
        assertThat(first).isPresent();
        assertThat(a.acquire(user)).isPresent();
        assertThat(b.acquire(user)).as("the third, at the other replica").isPresent();
        assertThat(b.acquire(user)).as("a fourth at the other replica").isEmpty();
        assertThat(a.acquire(user)).as("a fourth at the first").isEmpty();
        assertThatThrownBy(() -> b.check(new dev.labforge.access.Caller(user, "student", false, "token:x", null)))
                .isInstanceOf(ConsoleSessions.TooManySessions.class)
                .hasMessageContaining("has 3 consoles open");
        assertThat(b.acquire(UUID.randomUUID())).as("someone else").isPresent();

        a.release(first.orElseThrow()); // closed at the first replica: the other may open one
        assertThat(b.held(user)).isEqualTo(2);
        assertThat(b.acquire(user)).isPresent();
        assertThat(ConsoleClose.TOO_MANY_SESSIONS.status().getCode()).isEqualTo(4015);
    }

    @Test
    void aReplicaThatDiesFreesItsUsersConsolesOnceItsLeaseLapsesAndALiveOnesAreKept() {
        ConsoleSessions dies = replica(3);
        ConsoleSessions lives = replica(3);
        UUID user = UUID.randomUUID();
        assertThat(dies.acquire(user)).isPresent();
        assertThat(dies.acquire(user)).isPresent();
        assertThat(lives.acquire(user)).isPresent();
        assertThat(lives.acquire(user)).isEmpty();

        // the first replica is killed: no heartbeat, no close; the other renews on its own
        clock.advance(ConsoleSessions.LEASE.minusSeconds(1));
        lives.renew();
        assertThat(lives.acquire(user)).as("within the dead replica's lease").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(lives.held(user)).as("only the live replica's console counts").isEqualTo(1);
        assertThat(lives.acquire(user)).isPresent();
        assertThat(lives.acquire(user)).isPresent();
        assertThat(lives.acquire(user)).isEmpty();
        assertThat(jdbc.sql("select count(*) from console_sessions where user_id = ?").param(user)
                .query(Integer.class).single()).as("the dead replica's rows deleted").isEqualTo(3);

        clock.advance(ConsoleSessions.LEASE.plusSeconds(1)); // a replica that stopped renewing: its rows lapse too
        assertThat(lives.held(user)).isZero();
    }

    @Test
    void manyOpeningAtOnceAtTwoReplicasNeverPassTheLimit() throws Exception {
        ConsoleSessions a = replica(3);
        ConsoleSessions b = replica(3);
        UUID user = UUID.randomUUID();
        List<Callable<Optional<UUID>>> opens = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ConsoleSessions at = i % 2 == 0 ? a : b;
            opens.add(() -> at.acquire(user));
        }
        List<Optional<UUID>> got = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<Optional<UUID>> each : threads.invokeAll(opens)) {
                got.add(each.get());
            }
        }
        assertThat(got.stream().filter(Optional::isPresent).count()).isEqualTo(3);
        assertThat(a.held(user)).isEqualTo(3);
    }
}
