package dev.labforge;

import dev.labforge.cluster.Await;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A test's own JDBC connection, typically the one whose transaction holds a lock the service's requests wait for,
 * and what race tests do with it: look at {@code pg_locks} and {@code pg_stat_activity} through it to know a request
 * is waiting, and send the requests from threads of their own while the lock is held.
 */
public final class HeldConnection {

    private HeldConnection() {
    }

    /** A new connection to the tests' database with autocommit off: its locks stay until it commits or closes. */
    public static Connection open() throws SQLException {
        TestDatabase.Connection db = TestDatabase.get();
        Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
        connection.setAutoCommit(false);
        return connection;
    }

    /** The first column of the query's one row, as an int. */
    public static int intOf(Connection db, String sql) {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The backend that {@code blocker} blocks, once one waits for it (looked up through {@code db}). */
    public static int awaitBlockedBy(Connection db, int blocker, String what, Duration wait) {
        int[] found = {0};
        Await.until(what + " waiting", wait, () -> {
            found[0] = intOf(db, "select coalesce(min(pid), 0) from pg_stat_activity"
                    + " where pid <> pg_backend_pid() and pg_blocking_pids(pid) && array[" + blocker + "]");
            return found[0] != 0;
        }, () -> "none yet");
        return found[0];
    }

    /** On a thread of its own: a request that blocks inside the service until the test lets it go. */
    public static <T> CompletableFuture<T> async(Supplier<T> request) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                done.complete(request.get());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}
