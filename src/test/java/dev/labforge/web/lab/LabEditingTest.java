package dev.labforge.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.web.BrowserTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Two editors of one lab: the page saves with the ETag it loaded, so a change made meanwhile is never overwritten. */
class LabEditingTest extends BrowserTest {

    @Test
    void aSaveOverAChangeMadeMeanwhileIsRefusedAndSaysSo() throws Exception {
        Catalog.ensure(api());
        ApiClient owner = api().newUser();
        String name = "edited-" + UUID.randomUUID().toString().substring(0, 8);
        String yaml = "name: %s\ntopology:\n  nodes:\n    a: {kind: linux}\n    b: {kind: linux}\n  links:\n"
                + "    - endpoints: [\"a:eth1\", \"b:eth1\"]\n";
        String lab = owner.send("POST", "/api/v1/labs", yaml.formatted(name), "application/yaml").json()
                .get("id").asString();

        signIn(owner.token());
        open("/labs/" + lab);
        WebElement definition = browser.findElement(By.id("definition"));
        waiting().until(d -> definition.getAttribute("value").contains("a:"));

        // another editor saves first, with the version they read
        Response other = owner.send("PUT", "/api/v1/labs/" + lab, yaml.formatted(name).replace("b:", "c:")
                .replace("\"b:eth1\"", "\"c:eth1\""), "application/yaml", "If-Match", "\"0\"");
        assertThat(other.status()).as(other.body()).isEqualTo(200);

        definition.sendKeys("\n    # mine\n");
        browser.findElement(By.cssSelector("#edit button")).click();
        waiting().until(d -> d.findElement(By.id("error")).getText().contains("Someone changed this lab"));
        String stored = owner.get("/api/v1/labs/" + lab, "Accept", "application/yaml").body();
        assertThat(stored).contains("c:").doesNotContain("# mine");

        // after a reload the page holds the new version, and the save goes through
        open("/labs/" + lab);
        WebElement fresh = browser.findElement(By.id("definition"));
        waiting().until(d -> fresh.getAttribute("value").contains("c:"));
        browser.executeScript("arguments[0].value = arguments[1];", fresh, yaml.formatted(name)
                .replace("    a: {kind: linux}\n", "    a: {kind: linux}\n    d: {kind: linux}\n"));
        browser.findElement(By.cssSelector("#edit button")).click();
        waiting().until(d -> owner.get("/api/v1/labs/" + lab).json().get("nodes").size() == 3);
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
        accessible();
    }
}
