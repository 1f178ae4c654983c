package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edits of one lab sent at the same moment: unconditional ones queue, conditional ones are exact. */
class ConcurrentEditTest extends IntegrationTest {

    private static final int WRITERS = 20;

    private ApiClient alice;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        alice = api().newUser();
    }

    @Test
    void parallelUnconditionalPutsAllSucceedAndTheLastWriterWins() throws Exception {
        String id = alice.post("/api/v1/labs", LabApiTest.triangle("contended")).json().get("id").asString();

        List<Response> answers = inParallel(i -> alice.put("/api/v1/labs/" + id, LabApiTest.triangle("written-" + i)));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));
        Response read = alice.get("/api/v1/labs/" + id);
        assertThat(read.header("ETag")).startsWith("\"" + WRITERS + "-");
        // the stored lab is the one the writer that answered with the highest version wrote
        Response last = answers.stream().filter(a -> a.header("ETag").equals("\"" + WRITERS + "\"")).findFirst()
                .orElseThrow();
        assertThat(read.json().get("name").asString()).isEqualTo(last.json().get("name").asString());
    }

    @Test
    void parallelPutsWithTheSameETagLetExactlyOneThrough() throws Exception {
        String id = alice.post("/api/v1/labs", LabApiTest.triangle("raced")).json().get("id").asString();

        List<Response> answers = inParallel(i -> alice.put("/api/v1/labs/" + id, LabApiTest.triangle("raced-" + i),
                "If-Match", "\"0\""));

        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 412).hasSize(WRITERS - 1)
                .allSatisfy(a -> assertThat(a.json().get("type").asString())
                        .isEqualTo("https://labforge.dev/problems/precondition-failed"));
        assertThat(alice.get("/api/v1/labs/" + id).header("ETag")).startsWith("\"1-");
    }

    @Test
    void aPutAndADeleteInParallelEndWithTheLabGone() throws Exception {
        String id = alice.post("/api/v1/labs", LabApiTest.triangle("doomed")).json().get("id").asString();

        List<Response> answers = inParallel(i -> i == 0 ? alice.delete("/api/v1/labs/" + id)
                : alice.put("/api/v1/labs/" + id, LabApiTest.triangle("doomed-" + i)));

        assertThat(answers.getFirst().status()).isEqualTo(204);
        // a PUT that came after the delete finds nothing to change
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 204, 404));
        assertThat(alice.get("/api/v1/labs/" + id).status()).isEqualTo(404);
    }

    private interface Request {
        Response send(int writer);
    }

    /** Sends every writer's request at once (released together by a latch), each on its own thread. */
    private static List<Response> inParallel(Request request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(WRITERS)) {
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                futures.add(threads.submit(() -> {
                    go.await();
                    return request.send(writer);
                }));
            }
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        }
    }
}
