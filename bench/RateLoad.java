import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop load at a fixed rate with a fixed number of concurrent clients (wrk2-style): request i is
 * due at start + i/rate, and its latency counts from that due time, so a stalled server cannot hide
 * queueing (no coordinated omission). Usage:
 *   java bench/RateLoad.java URL RATE SECONDS CLIENTS TOKEN [BODY_FILE]
 * With BODY_FILE it POSTs that JSON with "__N__" replaced by a unique number per request. With TOKEN
 * given as @FILE, request i is made as line i of FILE says (lines used in turn): a token, and after a tab
 * the JSON to POST (none: a GET), so that each request may be a different user's with its own body. The
 * first quarter of the run warms both sides up (JIT) and is not counted.
 */
public class RateLoad {
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        String token = args[4];
        String body = args.length > 5 ? Files.readString(Path.of(args[5])) : null;
        String[] perRequest = token.startsWith("@") ? Files.readAllLines(Path.of(token.substring(1)))
                .toArray(String[]::new) : null;
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        Semaphore slots = new Semaphore(clients);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        CountDownLatch done = new CountDownLatch(total);
        String run = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime() + 100_000_000L;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                slots.acquire();
                int n = i;
                executor.submit(() -> {
                    try {
                        String as = token;
                        String json = body == null ? null : body.replace("__N__", run + "-" + n);
                        if (perRequest != null) {
                            String[] line = perRequest[n % perRequest.length].split("\t", 2);
                            as = line[0];
                            json = line.length > 1 && !line[1].isEmpty() ? line[1] : null;
                        }
                        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + as);
                        if (json != null) {
                            request.header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json));
                        }
                        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() >= 300) {
                            if (failures.incrementAndGet() <= 3) {
                                System.out.println("failed: " + answer.statusCode() + " " + answer.body());
                            }
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        latencies[n] = System.nanoTime() - due;
                        slots.release();
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] counted = Arrays.copyOfRange(latencies, total / 4, total);
        Arrays.sort(counted);
        int n = counted.length;
        System.out.printf("requests %d in %.1fs = %.1f/s, failures %d; last %d counted%n", total, elapsed,
                total / elapsed, failures.get(), n);
        System.out.printf("latency ms (from due time): p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                counted[n / 2] / 1e6, counted[(int) (n * 0.9)] / 1e6, counted[(int) (n * 0.99)] / 1e6,
                counted[n - 1] / 1e6);
    }
}
