package dev.labforge.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard shipped with the chart, and the metric names its PromQL asks for: every panel's target
 * expressions and the template variables' {@code label_values} queries.
 */
public final class Dashboard {

    public static final Path FILE = HelmChart.DIRECTORY.resolve("dashboards").resolve("labforge.json");

    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    /** Label lists after grouping and matching modifiers: {@code by (le)} names a label, not a metric. */
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** {@code label_values(metric, label)}: only the first argument is a metric. */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\s*\\(\\s*([^,)]*?)\\s*,[^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    /** A name not glued to a number or another name, and not a function call. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "and", "or", "unless", "inf", "nan");

    private Dashboard() {
    }

    /** Every PromQL expression of the dashboard: panel targets (rows' nested panels too) and variable queries. */
    public static List<String> queries() {
        JsonNode dashboard;
        try {
            dashboard = JsonMapper.builder().build().readTree(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> queries = new ArrayList<>();
        collectPanels(dashboard.path("panels"), queries);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asString("").equals("query")) {
                JsonNode query = variable.path("query");
                queries.add(query.isObject() ? query.path("query").asString() : query.asString());
            }
        }
        return queries;
    }

    private static void collectPanels(JsonNode panels, List<String> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asString());
            }
            collectPanels(panel.path("panels"), queries);
        }
    }

    /** The metric names one PromQL expression (or Grafana variable query) reads. */
    public static Set<String> metricNames(String expression) {
        String rest = LABEL_VALUES.matcher(expression).replaceAll("$1");
        rest = STRING.matcher(rest).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = LABEL_LIST.matcher(rest).replaceAll(" ");
        rest = VARIABLE.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(rest);
        while (name.find()) {
            if (!KEYWORDS.contains(name.group(1).toLowerCase(java.util.Locale.ROOT))) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /** Every metric name the dashboard reads. */
    public static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        queries().forEach(query -> names.addAll(metricNames(query)));
        return names;
    }
}
