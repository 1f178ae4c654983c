package dev.labforge.access.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A revocation, and any other change to who may do what, holds before the answer that made it, on every
 * replica: requests sent after that answer are refused, however busy the token was.
 */
class RevocationTest extends IntegrationTest {

    private static final int CLIENTS = 12;

    @Autowired
    JdbcClient jdbc;

    private record Attempt(long sentAt, String what, int status) {
    }

    @Test
    void aTokenInUseByManyClientsFailsEveryRequestSentAfterItsRevocationAnswered() throws Exception {
        ApiClient owner = api().newUser();
        Response created = owner.post("/api/v1/tokens", "{\"name\":\"busy\"}");
        ApiClient busy = owner.as(created.json().get("secret").asString());
        Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch everyClientSucceeded = new CountDownLatch(CLIENTS);
        List<Integer> afterwards;
        long answered;
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> clients = IntStream.range(0, CLIENTS).<Future<?>>mapToObj(n -> pool.submit(() -> {
                boolean succeeded = false;
                while (!stop.get()) {
                    // a quarter of the clients mint tokens with it, as the report saw, the rest read /me
                    boolean mint = n % 4 == 0;
                    long sentAt = System.nanoTime();
                    Response response = mint ? busy.post("/api/v1/tokens", "{\"name\":\"minted\"}")
                            : busy.get("/api/v1/me");
                    attempts.add(new Attempt(sentAt, mint ? "POST /tokens" : "GET /me", response.status()));
                    if (!succeeded && response.status() < 300) {
                        succeeded = true;
                        everyClientSucceeded.countDown();
                    }
                }
            })).toList();
            assertThat(everyClientSucceeded.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(owner.delete("/api/v1/tokens/" + created.json().get("id").asString()).status()).isEqualTo(204);
            answered = System.nanoTime();
            afterwards = IntStream.range(0, 200).mapToObj(i -> busy.get("/api/v1/me").status()).toList();
            stop.set(true);
            for (Future<?> client : clients) {
                client.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(afterwards).containsOnly(401);
        List<Attempt> late = attempts.stream().filter(a -> a.sentAt() > answered).toList();
        assertThat(late).isNotEmpty().allSatisfy(a -> assertThat(a.status()).as(a.what()).isEqualTo(401));
    }

    @Test
    void anotherReplicaRefusesTheTokenAsSoonAsTheRevocationAnswered() {
        TokenAuthenticator replica = new TokenAuthenticator(jdbc, Clock.systemUTC());
        ApiClient owner = api().newUser();
        Response created = owner.post("/api/v1/tokens", "{\"name\":\"elsewhere\"}");
        String secret = created.json().get("secret").asString();
        assertThat(replica.authenticate(secret)).isPresent();

        assertThat(owner.delete("/api/v1/tokens/" + created.json().get("id").asString()).status()).isEqualTo(204);

        assertThat(replica.authenticate(secret)).isEmpty();
    }

    @Test
    void aTokenStopsAtItsOwnExpiryEvenWhileInUse() {
        ApiClient owner = api().newUser();
        Response created = owner.post("/api/v1/tokens", "{\"name\":\"short\",\"expiresInDays\":1}");
        String secret = created.json().get("secret").asString();
        Instant expires = Instant.parse(owner.get("/api/v1/tokens").json().valueStream()
                .filter(t -> t.get("id").equals(created.json().get("id"))).findFirst().orElseThrow()
                .get("expiresAt").asString()); // as stored: PostgreSQL keeps microseconds
        MovingClock clock = new MovingClock(expires.minusSeconds(5));
        TokenAuthenticator authenticator = new TokenAuthenticator(jdbc, clock);
        assertThat(authenticator.authenticate(secret)).isPresent();

        clock.set(expires);

        assertThat(authenticator.authenticate(secret)).isEmpty();
    }

    @Test
    void aRemovedAdminFlagHoldsAtTheNextRequest() {
        String name = "ex-admin-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = api().post("/api/v1/users", "{\"username\":\"" + name + "\",\"admin\":true}");
        ApiClient admin = api().as(created.json().get("token").get("secret").asString());
        assertThat(admin.get("/api/v1/users").status()).isEqualTo(200);

        // no endpoint takes the flag away yet; another replica's, or an operator's, change must hold all the same
        jdbc.sql("update users set admin = false where username = ?").param(name).update();

        assertThat(admin.get("/api/v1/users").status()).isEqualTo(403);
    }

    /** A clock a test moves by hand. */
    static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
