package dev.labforge.cluster.reconcile;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the service asked of its PostgreSQL during a phase: transactions, WAL, and the statements that took the most
 * time and the most calls (pg_stat_statements, which the benchmark loads into the embedded server). Statement times
 * are the server's execution times: parsing, planning and commits are not in them, so they explain calls better
 * than CPU.
 */
final class PostgresWork {

    private static final int TOP = 12;
    private static final int STATEMENT_CHARS = 150;

    private final JdbcClient jdbc;

    PostgresWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("create extension if not exists pg_stat_statements").update();
    }

    /** Starts a phase: every counter back to zero. */
    void mark() {
        jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
        jdbc.sql("select pg_stat_reset()").query().listOfRows();
        jdbc.sql("select pg_stat_reset_shared('wal')").query().listOfRows();
    }

    /** The phase's work so far, as lines of the report. */
    String since() {
        StringBuilder out = new StringBuilder();
        jdbc.sql("""
                select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_fetched
                from pg_stat_database where datname = current_database()""")
                .query((rs, n) -> out.append(("PostgreSQL: %,d commits, %,d rollbacks; rows inserted %,d, updated %,d,"
                        + " deleted %,d, fetched %,d").formatted(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6)))).list();
        jdbc.sql("select wal_records, wal_bytes, wal_write, wal_sync from pg_stat_wal")
                .query((rs, n) -> out.append("\nWAL: %,d records, %,d bytes, %,d writes, %,d syncs".formatted(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))).list();
        jdbc.sql("select sum(calls), sum(total_exec_time), sum(total_plan_time), sum(plans) from pg_stat_statements")
                .query((rs, n) -> out.append("\nstatements: %,d calls, %,.0f ms executing, %,.0f ms planning (%,d plans)"
                        .formatted(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4)))).list();
        top(out, "total_exec_time");
        top(out, "total_plan_time");
        top(out, "calls");
        return out.toString();
    }

    private void top(StringBuilder out, String order) {
        out.append("\nthe %d statements with the most %s (executing, planning):".formatted(TOP,
                switch (order) {
                    case "calls" -> "calls";
                    case "total_plan_time" -> "planning time";
                    default -> "execution time";
                }));
        List<String> rows = jdbc.sql("""
                select calls, total_exec_time, total_plan_time, plans, rows, query from pg_stat_statements
                order by %s desc limit %d""".formatted(order, TOP))
                .query((rs, n) -> "%,9d calls %,8.0f ms %,6.0f ms %,7d plans %,9d rows  %s".formatted(rs.getLong(1),
                        rs.getDouble(2), rs.getDouble(3), rs.getLong(4), rs.getLong(5), oneLine(rs.getString(6))))
                .list();
        rows.forEach(row -> out.append("\n  ").append(row));
    }

    private static String oneLine(String query) {
        String line = query.replaceAll("\\s+", " ").trim();
        return line.length() <= STATEMENT_CHARS ? line : line.substring(0, STATEMENT_CHARS) + "...";
    }
}
