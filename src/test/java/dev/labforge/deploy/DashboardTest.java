package dev.labforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reading of metric names out of PromQL, which the test of the dashboard against a real scrape relies on
 * (dev.labforge.cluster.PrometheusEndpointTest): it must find every metric and take nothing else for one.
 */
class DashboardTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "labforge_labs                                                                     | labforge_labs",
            "max by (state) (labforge_labs{job=~\"$job\",state!=\"by\"})                      | labforge_labs",
            "histogram_quantile(0.99, sum by (le) (rate(a_seconds_bucket{x=\"y\"}[$__rate_interval]))) | a_seconds_bucket",
            "process_cpu_usage * on (instance) group_left (pod) system_cpu_count              | process_cpu_usage system_cpu_count",
            "sum without (verb) (rate(w_total[5m] offset 1h)) > bool 1e3                      | w_total",
            "label_values(labforge_labs{job=\"x\"}, job)                                       | labforge_labs",
            "rate(x:recorded:rule[${__interval}]) / ignoring(kind) y and z unless inf          | x:recorded:rule y z",
    })
    void findsTheMetricsAndOnlyThem(String expression, String names) {
        assertThat(Dashboard.metricNames(expression)).containsExactlyInAnyOrder(names.split(" "));
    }

    @org.junit.jupiter.api.Test
    void theShippedDashboardAsksForLabForgesMeters() {
        Set<String> names = Dashboard.metricNames();
        assertThat(Dashboard.queries()).hasSizeGreaterThan(10).doesNotContain("");
        assertThat(names).contains("labforge_labs", "labforge_nodes", "labforge_cluster_writes_total",
                "labforge_reconcile_pass_seconds_bucket", "labforge_status_lag_seconds_bucket");
    }
}
