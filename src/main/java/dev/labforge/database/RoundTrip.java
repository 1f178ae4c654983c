package dev.labforge.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * Statements sent to PostgreSQL together and answered together: one network round trip for all of them, where each
 * alone costs one. The driver sends them as one pipeline (each statement parsed, bound and executed in order, one
 * sync at the end), so each runs as if sent alone right after the one before: it sees what that one wrote and, under
 * read committed, takes its snapshot when it starts (a statement after a lock sees what committed while it waited).
 * The first statement that fails ends the round trip, and the server runs none of the ones after it.
 *
 * <p>A round trip pays for itself on the hottest requests: with two cores shared by the service and its
 * database, each round trip is a wake-up of each side, and a request waits for a core at each.
 */
public final class RoundTrip {

    /**
     * One statement of a round trip: its SQL (one statement, no {@code ;}), its parameters, and what to make of its
     * answer (a query's rows; null for a statement without rows).
     */
    public record Statement<T>(String sql, List<Object> params, ResultSetExtractor<T> reader) {

        public Statement {
            if (sql.contains(";")) {
                throw new IllegalArgumentException("one statement per part: " + sql);
            }
            params = java.util.Collections.unmodifiableList(new ArrayList<>(params)); // nulls allowed
        }
    }

    /** A query and how to read its rows. */
    public static <T> Statement<T> query(String sql, ResultSetExtractor<T> reader, Object... params) {
        return new Statement<>(sql, Arrays.asList(params), reader);
    }

    /** A statement that writes; its answer is the number of rows it wrote. */
    public static Statement<Integer> update(String sql, Object... params) {
        return new Statement<>(sql, Arrays.asList(params), null);
    }

    /** What each statement of a round trip answered. */
    public static final class Answers {

        private final Map<Statement<?>, Object> answers = new IdentityHashMap<>();

        @SuppressWarnings("unchecked")
        public <T> T of(Statement<T> statement) {
            if (!answers.containsKey(statement)) {
                throw new IllegalArgumentException("not part of this round trip: " + statement.sql());
            }
            return (T) answers.get(statement);
        }
    }

    private RoundTrip() {
    }

    /** Runs the statements in one round trip, in the caller's transaction if it has one. */
    public static Answers run(JdbcOperations jdbc, List<? extends Statement<?>> statements) {
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("nothing to send");
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Statement<?> statement : statements) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(statement.sql());
            params.addAll(statement.params());
        }
        return jdbc.execute(sql.toString(), (PreparedStatement ps) -> {
            for (int i = 0; i < params.size(); i++) {
                Object value = params.get(i);
                if (value == null) {
                    // a NULL of no declared type, which the server types from its place; asking the driver for the
                    // parameter's type (what Spring does for a null of unknown type) would cost a round trip of its own
                    ps.setNull(i + 1, Types.NULL);
                } else {
                    StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, value);
                }
            }
            boolean rows = ps.execute();
            Answers answers = new Answers();
            for (Statement<?> statement : statements) {
                answers.answers.put(statement, answer(ps, statement, rows));
                rows = ps.getMoreResults();
            }
            return answers;
        });
    }

    public static Answers run(JdbcOperations jdbc, Statement<?>... statements) {
        return run(jdbc, List.of(statements));
    }

    private static Object answer(PreparedStatement ps, Statement<?> statement, boolean rows) throws SQLException {
        if (!rows) {
            int count = ps.getUpdateCount();
            if (statement.reader() != null) {
                throw new IllegalStateException("no rows from a query: " + statement.sql());
            }
            return count;
        }
        try (ResultSet rs = ps.getResultSet()) {
            return statement.reader() == null ? null : statement.reader().extractData(rs);
        }
    }
}
