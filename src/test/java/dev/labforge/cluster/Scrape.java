package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One GET of /actuator/prometheus without a token, read as Prometheus reads the text format. */
public final class Scrape {

    /** One sample line: its metric name, labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:\\\\.|[^\"\\\\])*)\"");

    private final List<Sample> samples;
    private final String contentType;

    private Scrape(List<Sample> samples, String contentType) {
        this.samples = samples;
        this.contentType = contentType;
    }

    public static Scrape of(int port) {
        ApiClient.Response response = new ApiClient(port, null).get("/actuator/prometheus");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return new Scrape(parse(response.body()), response.contentType());
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            Map<String, String> labels = new LinkedHashMap<>();
            String name;
            String rest;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                int close = line.lastIndexOf('}');
                Matcher label = LABEL.matcher(line.substring(brace + 1, close));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                rest = line.substring(close + 1).trim();
            } else {
                name = line.substring(0, space);
                rest = line.substring(space + 1).trim();
            }
            samples.add(new Sample(name, labels, number(rest.split("\\s+")[0])));
        }
        return samples;
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    String contentType() {
        return contentType;
    }

    /** Every metric name with at least one sample, such as {@code labforge_cluster_writes_total}. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    boolean has(String name) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name));
    }

    /** The sum of the samples of {@code name} whose labels include these pairs (0 if there are none). */
    public double value(String name, String... labelPairs) {
        double sum = 0;
        for (Sample sample : samples) {
            if (sample.name().equals(name) && matches(sample.labels(), labelPairs)) {
                sum += sample.value();
            }
        }
        return sum;
    }

    private static boolean matches(Map<String, String> labels, String... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
