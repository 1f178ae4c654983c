package dev.labforge.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL the service starts when no database is configured: durable, tunable, and able to start
 * on the data of a service killed without stopping its server.
 */
class EmbeddedDatabaseConfigurationTest {

    @Test
    void startsDurableWithTheConfiguredServerSettingsOnTop(@TempDir Path data) throws Exception {
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(data.resolve("postgres"), 0, 2,
                Map.of("work_mem", "7MB", "synchronous_commit", "off"));
        EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties);
             HikariDataSource dataSource = configuration.dataSource(postgres, properties)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "full_page_writes")).isEqualTo("on");
            assertThat(setting(jdbc, "work_mem")).isEqualTo("7MB");
            assertThat(setting(jdbc, "synchronous_commit")).as("a configured setting overrides LabForge's")
                    .isEqualTo("off");
            assertThat(data.resolve("postgres").resolve("PG_VERSION")).exists();
        }
    }

    @Test
    void startsAtOnceOnTheDataOfAServiceKilledWithItsServerRunning(@TempDir Path data) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "telling a zombie from a running server needs /proc");
        Path postgresData = data.resolve("postgres");
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(postgresData, 0, 1, Map.of());
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseOwner.class.getName(),
                postgresData.toString()).redirectErrorStream(true).start();
        ProcessHandle orphan = null;
        try {
            awaitLine(service, EmbeddedDatabaseOwner.READY);
            orphan = ProcessHandle.of(PostmasterPidFile.read(postgresData).orElseThrow().pid()).orElseThrow();
            assertThat(new OrphanedServer(postgresData, Duration.ofSeconds(5), Clock.systemUTC()).stopIfAny())
                    .as("the server of a live service is not an orphan").isEqualTo(OrphanedServer.Outcome.IN_USE);

            service.destroyForcibly();
            assertThat(service.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(OrphanedServer.hasExited(orphan)).as("the server outlives the killed service").isFalse();

            long orphanPid = orphan.pid();
            ListAppender<ILoggingEvent> log = listen(OrphanedServer.class);
            long startedAt = System.nanoTime();
            EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
            try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties);
                 HikariDataSource dataSource = configuration.dataSource(postgres, properties)) {
                // the library waits 60 s for a server that cannot start before giving up
                assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(20));
                assertThat(OrphanedServer.hasExited(orphan)).as("the orphan is gone").isTrue();
                assertThat(JdbcClient.create(dataSource).sql("select 1").query(Integer.class).single()).isEqualTo(1);
                assertThat(log.list).singleElement().satisfies(line -> {
                    assertThat(line.getLevel()).isEqualTo(Level.WARN);
                    assertThat(line.getFormattedMessage()).startsWith("Stopping the embedded PostgreSQL left running in")
                            .contains("PID " + orphanPid);
                });
            } finally {
                ((Logger) LoggerFactory.getLogger(OrphanedServer.class)).detachAppender(log);
            }
        } finally {
            service.destroyForcibly();
            if (orphan != null && !OrphanedServer.hasExited(orphan)) {
                orphan.descendants().forEach(ProcessHandle::destroyForcibly);
                orphan.destroyForcibly();
            }
        }
    }

    /** Reads the child's output until the line appears; a child that dies or hangs before fails the test. */
    private static void awaitLine(Process process, String expected) throws Exception {
        CompletableFuture<Boolean> seen = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals(expected)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(seen.get(60, TimeUnit.SECONDS)).as("the child printed " + expected).isTrue();
    }

    private static ListAppender<ILoggingEvent> listen(Class<?> source) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(source)).addAppender(appender);
        return appender;
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("select current_setting(?)").param(name).query(String.class).single();
    }
}
