package dev.labforge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The search for Docker stays quiet: on a machine without it the tests simply use another PostgreSQL. */
class TestDatabaseTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(logged);
    }

    @Test
    void whatTestcontainersLogsWhileProbingIsNotShown() {
        boolean answered = TestDatabase.quietly(() -> {
            // as Testcontainers 2.0 logs where no Docker engine runs
            LoggerFactory.getLogger("org.testcontainers.dockerclient.DockerClientProviderStrategy")
                    .error("Could not find a valid Docker environment. Please check configuration.");
            LoggerFactory.getLogger("org.testcontainers.DockerClientFactory").info("Testcontainers version: 2.0.5");
            LoggerFactory.getLogger("com.github.dockerjava.core.DefaultDockerClientConfig").warn("no socket");
            return false;
        });

        assertThat(answered).isFalse();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void afterTheProbeTestcontainersLogsAsBefore() {
        Logger testcontainers = (Logger) LoggerFactory.getLogger("org.testcontainers");
        Level before = testcontainers.getLevel();

        assertThat(TestDatabase.quietly(() -> true)).isTrue();

        assertThat(testcontainers.getLevel()).isEqualTo(before);
        LoggerFactory.getLogger("org.testcontainers.containers.PostgreSQLContainer").warn("container trouble");
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("container trouble");
    }

    /**
     * Testcontainers searches once per JVM and remembers a failure, so this sees the search only where it probes
     * first (as when run alone); the first test covers the silencing in any order.
     */
    @Test
    void theRealProbeLogsNothingAtWarnOrAbove() {
        TestDatabase.quietly(TestDatabase::dockerAnswers);

        assertThat(logged.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
    }
}
