package dev.labforge;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL the tests run on, one per test JVM: a server named by
 * {@code LABFORGE_TEST_DATABASE_URL} (with {@code _USER} and {@code _PASSWORD}), else a
 * Testcontainers PostgreSQL where a Docker engine answers, else an embedded PostgreSQL.
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password) {
    }

    /**
     * Loaded where the tests start the server (with planning tracked), so that a test can count the statements a request
     * costs and how often they are planned; a server named by the environment may lack it, and such tests then skip
     * ({@link #assumeStatementStatistics}).
     */
    public static final String STATEMENT_STATISTICS = "pg_stat_statements";

    /** Skips the calling test unless this server keeps statement statistics; creates their view if it can. */
    public static void assumeStatementStatistics(JdbcClient jdbc) {
        try {
            jdbc.sql("create extension if not exists " + STATEMENT_STATISTICS).update();
            jdbc.sql("select count(*) from pg_stat_statements").query(Long.class).single();
        } catch (RuntimeException e) {
            Assumptions.assumeTrue(false, "this PostgreSQL does not load " + STATEMENT_STATISTICS + ": " + e);
        }
    }

    /** Testcontainers and the docker-java client it uses. */
    static final List<String> PROBE_LOGGERS = List.of("org.testcontainers", "com.github.dockerjava");

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    /**
     * A database of its own on the same server, made afresh (dropped first if an earlier run left it): a service
     * started on it shares no labs, no threads and no statement statistics with the other tests' service, so that what
     * a test counts there (pg_stat_statements by {@code dbid}) is its own.
     */
    public static synchronized Connection own(String database) {
        Connection server = get();
        execute(server, "drop database if exists " + database + " with (force)", "create database " + database);
        return new Connection(server.url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database),
                server.username(), server.password());
    }

    /**
     * A login role of its own, allowed to read and write the service's tables: statements run as it are counted apart
     * from the service's in pg_stat_statements (by {@code userid}), whatever the service's threads do meanwhile. The
     * test skips where the server's user may not create roles.
     */
    public static synchronized Connection role(String name) {
        Connection server = get();
        try {
            execute(server, "do $$ begin if not exists (select from pg_roles where rolname = '" + name + "') then"
                    + " create role " + name + " login password '" + name + "'; end if; end $$",
                    "grant select, insert, update, delete on all tables in schema public to " + name,
                    "grant usage, select on all sequences in schema public to " + name);
        } catch (IllegalStateException e) {
            Assumptions.assumeTrue(false, "cannot make a role of its own on this PostgreSQL: " + e.getCause());
        }
        return new Connection(server.url().replaceAll("([?&])user=[^&]*&?", "$1"), name, name);
    }

    private static void execute(Connection on, String... statements) {
        try (java.sql.Connection c = DriverManager.getConnection(on.url(), on.username(), on.password());
             Statement statement = c.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + List.of(statements) + ": " + e.getMessage(), e);
        }
    }

    private static Connection connection;

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (connection == null) {
            connection = start();
        }
        return connection;
    }

    private static Connection start() {
        String url = System.getenv("LABFORGE_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            // without the query string, which may carry a password
            log.info("Tests use the PostgreSQL server at {} (LABFORGE_TEST_DATABASE_URL)", url.split("\\?")[0]);
            return new Connection(url, System.getenv().getOrDefault("LABFORGE_TEST_DATABASE_USER", "postgres"),
                    System.getenv().getOrDefault("LABFORGE_TEST_DATABASE_PASSWORD", ""));
        }
        if (quietly(TestDatabase::dockerAnswers)) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                    .withCommand("postgres", "-c", "fsync=off", "-c", "shared_preload_libraries=" + STATEMENT_STATISTICS,
                            "-c", "pg_stat_statements.track_planning=on");
            container.start();
            log.info("Tests use PostgreSQL 17 in a Testcontainers container at {}", container.getJdbcUrl());
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("shared_preload_libraries", STATEMENT_STATISTICS)
                    .setServerConfig("pg_stat_statements.track_planning", "on").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
            log.info("Tests use an embedded PostgreSQL on port {}: no Docker engine answered for Testcontainers, and"
                    + " LABFORGE_TEST_DATABASE_URL names no server", postgres.getPort());
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the probe with Testcontainers' loggers off: where no Docker engine runs (a plain fallback to the embedded
     * server here), Testcontainers logs the search at ERROR with every strategy it tried, which reads like a failure.
     */
    static boolean quietly(BooleanSupplier probe) {
        List<ch.qos.logback.classic.Logger> loggers = PROBE_LOGGERS.stream().map(LoggerFactory::getLogger)
                .filter(ch.qos.logback.classic.Logger.class::isInstance)
                .map(ch.qos.logback.classic.Logger.class::cast).toList();
        // a null level means "inherit"; putting it back restores that too
        List<Level> levels = loggers.stream().map(ch.qos.logback.classic.Logger::getLevel).toList();
        loggers.forEach(logger -> logger.setLevel(Level.OFF));
        try {
            return probe.getAsBoolean();
        } finally {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).setLevel(levels.get(i));
            }
        }
    }

    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
