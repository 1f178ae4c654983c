package dev.labforge.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.web.BrowserTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The labs list keeps every lab's state live from ONE stream for all the person's labs: a lab started through the API
 * (not the page) changes its row while the page is open, and the page makes no request to the API but that stream.
 */
class LabsLiveListTest extends BrowserTest {

    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"}],"links":[]}""";

    @Test
    void aLabStartedThroughTheApiChangesItsRowWithoutPolling() throws Exception {
        Catalog.ensure(api());
        ApiClient engineer = api().newUser();
        ApiClient colleague = api().newUser();
        String own = id(engineer.post("/api/v1/labs", LAB.formatted("live-" + UUID.randomUUID().toString()
                .substring(0, 8))));
        String shared = id(colleague.post("/api/v1/labs", LAB.formatted("shared-" + UUID.randomUUID().toString()
                .substring(0, 8))));
        assertThat(colleague.put("/api/v1/labs/" + shared + "/access", "{\"grants\":[{\"user\":\""
                + engineer.username() + "\",\"level\":\"view\"}]}").status()).isEqualTo(200);

        width(1280);
        signIn(engineer.token());
        open("/labs");
        assertThat(visible(By.cssSelector("#mine [data-lab-state='" + own + "']")).getText()).isEqualTo("DEFINED");
        assertThat(visible(By.cssSelector("#shared [data-lab-state='" + shared + "']")).getText()).isEqualTo("DEFINED");
        waiting().until(d -> d.findElement(By.id("stream-state")).getText().contains("live"));
        accessible();

        assertThat(engineer.post("/api/v1/labs/" + own + "/start", null).status()).isEqualTo(202);
        assertThat(colleague.post("/api/v1/labs/" + shared + "/start", null).status()).isEqualTo(202);
        waiting().until(d -> state(own).equals("RUNNING") && state(shared).equals("RUNNING"));
        screenshot("labs-live");

        @SuppressWarnings("unchecked")
        List<String> calls = (List<String>) browser.executeScript("""
                return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
                  .filter(p => p.startsWith('/api/'));""");
        // an open stream has no timing entry until it ends; any other call to the API (a poll) would have one
        assertThat(calls).allMatch("/api/v1/labs/states"::equals);
    }

    private String state(String lab) {
        return browser.findElement(By.cssSelector("[data-lab-state='" + lab + "']")).getText();
    }

    private static String id(ApiClient.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
