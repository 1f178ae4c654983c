package dev.labforge.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A lab's page for a lab the caller cannot see (no such id, not an id at all, or not theirs: alike, as the API answers)
 * is a plain not-found page, not the lab's frame whose every call would fail; the owner and an administrator get it.
 */
class LabPagesTest extends IntegrationTest {

    @Test
    void aLabTheCallerCannotSeeIsAPlainNotFoundPage() {
        Catalog.ensure(api());
        ApiClient owner = api().newUser();
        Response lab = owner.post("/api/v1/labs", """
                {"name":"page-%s","nodes":[{"name":"r1","image":"frr"}]}""".formatted(
                UUID.randomUUID().toString().substring(0, 8)));
        assertThat(lab.status()).as(lab.body()).isEqualTo(201);
        String id = lab.json().get("id").asString();

        String outsider = signIn(api().newUser().token());
        assertNotFound(anonymous().get("/labs/" + id, "Cookie", outsider), "no lab with id " + id);
        assertNotFound(anonymous().get("/labs/" + UUID.randomUUID(), "Cookie", outsider), "no lab with id ");
        assertNotFound(anonymous().get("/labs/not-an-id", "Cookie", outsider), "no lab with id not-an-id");

        for (String token : new String[] {owner.token(), ADMIN_TOKEN}) {
            Response page = anonymous().get("/labs/" + id, "Cookie", signIn(token));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("lab.js");
        }
    }

    private static void assertNotFound(Response page, String message) {
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        String main = page.body().substring(page.body().indexOf("<main"), page.body().indexOf("</main>"));
        assertThat(main).contains(message).contains("<a href=\"/labs\">").doesNotContain("<form");
        assertThat(page.body()).doesNotContain("lab.js");
    }

    private String signIn(String token) {
        Response signIn = anonymous().send("POST", "/signin", "token=" + token, "application/x-www-form-urlencoded");
        assertThat(signIn.status()).isEqualTo(302);
        String header = signIn.header("Set-Cookie");
        return header.substring(0, header.indexOf(';'));
    }
}
