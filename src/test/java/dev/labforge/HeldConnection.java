package dev.labforge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Queries on a test's own JDBC connection, typically the one whose transaction holds a lock the service's requests
 * wait for (race tests look at {@code pg_locks} through it to know a request is waiting).
 */
public final class HeldConnection {

    private HeldConnection() {
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
}
