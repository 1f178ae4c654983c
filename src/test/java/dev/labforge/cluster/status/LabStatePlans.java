package dev.labforge.cluster.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plan of the statement that reads the labs page's states ({@link RuntimeStatus#summariesOf}) for the given labs,
 * with its execution time, read with EXPLAIN (ANALYZE, BUFFERS) for the web pages benchmark (bench/web-pages.sh).
 */
public final class LabStatePlans {

    private LabStatePlans() {
    }

    public static String explain(JdbcTemplate jdbc, Collection<UUID> labIds, int times) {
        List<String> executions = new ArrayList<>();
        List<String> plan = List.of();
        for (int i = 0; i < times; i++) {
            plan = jdbc.query(connection -> {
                var statement = connection.prepareStatement("explain (analyze, buffers) " + RuntimeStatus.READ_SUMMARIES);
                statement.setArray(1, connection.createArrayOf("uuid", labIds.toArray()));
                return statement;
            }, (rs, row) -> rs.getString(1));
            plan.stream().filter(line -> line.startsWith("Execution Time")).forEach(executions::add);
        }
        StringBuilder out = new StringBuilder("## the states of " + labIds.size() + " labs, " + times + " runs: "
                + String.join("; ", executions) + "\n");
        // the filter's line lists every lab's id: its start says enough
        plan.forEach(line -> out.append("    ").append(line.length() > 200 ? line.substring(0, 200) + "..." : line)
                .append('\n'));
        return out.toString();
    }
}
