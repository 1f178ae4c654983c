package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Damaged copies of a file sent to the import endpoint: each answer is a 201 or a 4xx problem whose errors all carry
 * a pointer, never a 5xx. Seeded, so a failing case replays.
 */
final class ImportMutations {

    private static final List<String> SNIPPETS = List.of(": ", "- ", "\n", "  ", "[", "]", "{", "}", ",", "\"",
            "null", "-1", "1e400", "0x1F", "\u0000", "\uFEFF", "true", "'", "#", "\t", "x", "\"nodes\": 5",
            "\"node_type\": \"ethernet_switch\"", "node_definition: unmanaged_switch\n");

    private ImportMutations() {
    }

    static void assertNoServerErrors(ApiClient user, String original, String contentType, int cases) {
        for (int seed = 0; seed < cases; seed++) {
            Random random = new Random(seed);
            String text = original;
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                text = mutate(text, random);
            }
            Response response = user.send("POST", "/api/v1/labs?name=mutated-" + seed, text, contentType);
            assertThat(response.status()).as("seed %d: %s -> %s", seed, text, response.body()).isLessThan(500);
            if (response.status() == 201) {
                continue;
            }
            assertThat(response.status()).as(response.body()).isIn(400, 409, 422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            if (response.status() == 409) {
                continue; // a conflict is about the lab, not a field of the file
            }
            JsonNode errors = response.json().get("errors");
            assertThat(errors).as(response.body()).isNotNull().isNotEmpty();
            errors.valueStream().forEach(error -> assertThat(error.get("pointer").asString()).as(response.body())
                    .matches("(/[^/]*)*"));
        }
    }

    private static String mutate(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        int end = Math.min(text.length(), at + random.nextInt(text.length() / 8 + 1));
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at) + SNIPPETS.get(random.nextInt(SNIPPETS.size())) + text.substring(at);
            case 1 -> text.substring(0, at) + text.substring(end);
            default -> text.substring(0, at) + text.substring(at, end) + text.substring(at);
        };
    }
}
