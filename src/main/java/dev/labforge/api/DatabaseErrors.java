package dev.labforge.api;

import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;

/** What a database error says about the request, read from its cause chain. */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /** Whether the error is a violation of one of these named constraints. */
    public static boolean violates(Throwable error, String... constraints) {
        Set<String> names = Set.of(constraints);
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && names.contains(violation.getConstraintName())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && names.stream().anyMatch(name -> sql.getMessage().contains("\"" + name + "\""))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The error in one line for the log: its SQLSTATE and the constraint it broke, never the statement
     * or the values (a lab's startup configuration may hold secrets). Hibernate's own statement log is off
     * for this reason (application.yaml).
     */
    /** How PostgreSQL names a broken constraint in the first line of its message. */
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

    public static String describe(Throwable error) {
        String constraint = null;
        for (Throwable t = error; t != null && constraint == null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                constraint = violation.getConstraintName();
            } else if (t instanceof SQLException sql && sql.getMessage() != null) {
                // a statement run without the ORM: the server's message names the constraint (its detail line,
                // which may quote the values, is not taken)
                Matcher named = CONSTRAINT.matcher(sql.getMessage().lines().findFirst().orElse(""));
                constraint = named.find() ? named.group(1) : null;
            }
        }
        return "SQLSTATE " + sqlState(error) + (constraint == null ? "" : ", constraint " + constraint);
    }

    /** The SQLSTATE of the first SQL exception in the chain; null if there is none. */
    static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
