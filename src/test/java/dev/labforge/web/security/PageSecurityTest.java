package dev.labforge.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.web.BrowserTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * What the page must never do, in a real browser: run a script a user stored, or offer (and have the server carry
 * out) an action the person signed in may not take. Plus the headers every page carries.
 */
class PageSecurityTest extends BrowserTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final String LAB = """
            {"name":"%s","description":"%s","nodes":[
              {"name":"r1","image":"frr","startupConfig":"hostname r1\\n<script>alert(2)</script>\\n"},
              {"name":"r2","image":"frr"}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""";

    private ApiClient owner;
    private String lab;
    private String name;

    @BeforeEach
    void hostileLab() {
        Catalog.ensure(api());
        owner = api().newUser();
        name = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = owner.post("/api/v1/labs", LAB.formatted(name, HOSTILE.replace("\"", "\\\"")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        lab = created.json().get("id").asString();
    }

    @Test
    void storedMarkupIsShownAsTextAndNeverRuns() throws Exception {
        signIn(owner.token());
        open("/labs");
        visible(By.linkText(name));
        assertThat(browser.findElement(By.id("mine")).getText()).contains(HOSTILE);
        assertNothingInjected();

        open("/labs/" + lab);
        waiting().until(d -> d.findElement(By.id("lab-description")).getText().equals(HOSTILE));
        waiting().until(d -> !d.findElement(By.id("definition")).getAttribute("value").isEmpty());
        assertThat(browser.findElement(By.id("definition")).getAttribute("value")).contains("<script>alert(2)</script>");
        waiting().until(d -> d.findElements(By.cssSelector("#picture g.node")).size() == 2);
        assertNothingInjected();
    }

    @Test
    void aViewerSeesNoOperatorButtonsAndTheServerRefusesThemAnyway() throws Exception {
        ApiClient viewer = api().newUser();
        assertThat(owner.put("/api/v1/labs/" + lab + "/access",
                "{\"grants\":[{\"user\":\"" + viewer.username() + "\",\"level\":\"view\"}]}").status()).isEqualTo(200);

        signIn(viewer.token());
        open("/labs");
        visible(By.linkText(name));
        open("/labs/" + lab);
        waiting().until(d -> d.findElement(By.id("lab-meta")).getText().contains("your permission: view"));
        waiting().until(d -> d.findElements(By.cssSelector("#picture g.node")).size() == 2);
        assertThat(browser.findElements(By.cssSelector("button[data-action]"))).isEmpty();
        assertThat(browser.findElement(By.id("edit")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("share")).isDisplayed()).isFalse();
        accessible();
        screenshot("lab-viewer");

        // the page's own session and CSRF token, sent as the operator's button would
        for (String action : new String[] {"/start", "/nodes/r1/restart", "/nodes/r1/console/tickets"}) {
            Map<String, Object> refused = fetchFromPage("POST", "/api/v1/labs/" + lab + action);
            assertThat(((Number) refused.get("status")).intValue()).as(action).isEqualTo(403);
            assertThat((String) refused.get("body")).contains("https://labforge.dev/problems/forbidden");
        }
        assertThat(owner.get("/api/v1/labs/" + lab).json().has("status")).isFalse(); // never started
    }

    @Test
    void pagesCarryAPolicyThatForbidsInlineScript() {
        Response signin = anonymous().get("/signin");
        String policy = signin.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-eval")
                .doesNotContainPattern("script-src[^;]*unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(signin.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(signin.header("Cache-Control")).isEqualTo("no-store");
        assertThat(signin.body()).doesNotContainPattern("(?i)<script(?![^>]*\\ssrc=)").doesNotContainPattern("(?i)\\son[a-z]+=");
        Response asset = anonymous().get("/assets/vendor/xterm/xterm.js");
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Content-Security-Policy")).isEqualTo(policy);
    }

    private void assertNothingInjected() {
        try {
            browser.switchTo().alert();
            throw new AssertionError("an alert opened: a stored string ran as script");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertThat(browser.findElements(By.cssSelector("img[src='x'], main script"))).isEmpty();
        assertThat(browser.findElements(By.xpath("//*[@onerror]"))).isEmpty();
    }
}
