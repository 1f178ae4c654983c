package dev.labforge.lab;

import dev.labforge.access.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plans of the labs page's two list statements (the caller's own and their teams' labs; the labs shared with them)
 * as PostgreSQL runs them now, with their execution time: the statements {@link LabAccess#list} runs, read with
 * EXPLAIN (ANALYZE, BUFFERS) for the web pages benchmark (bench/web-pages.sh).
 */
public final class LabListPlans {

    private LabListPlans() {
    }

    /** Each list statement's plan, run {@code times} times (the last one's plan kept, the execution times of all). */
    public static String explain(JdbcClient jdbc, UUID userId, int limit, int times) {
        Caller caller = new Caller(userId, "bench", false, "plans", null);
        StringBuilder out = new StringBuilder();
        for (LabAccess.Scope scope : List.of(LabAccess.Scope.OWNED, LabAccess.Scope.SHARED)) {
            List<String> executions = new ArrayList<>();
            List<String> plan = List.of();
            for (int i = 0; i < times; i++) {
                plan = jdbc.sql("explain (analyze, buffers) " + LabAccess.listStatement(caller, scope))
                        .params(LabAccess.params(caller, null)).param("size", limit + 1).param("offset", 0L)
                        .query(String.class).list();
                plan.stream().filter(line -> line.startsWith("Execution Time")).forEach(executions::add);
            }
            out.append("## the ").append(scope.name().toLowerCase(java.util.Locale.ROOT)).append(" labs' list, ")
                    .append(times).append(" runs: ").append(String.join("; ", executions)).append('\n');
            plan.forEach(line -> out.append("    ").append(line).append('\n'));
        }
        return out.toString();
    }
}
