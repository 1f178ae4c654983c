package dev.labforge.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.web.BrowserTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The lab page's VNC tab, in the browser: noVNC (served by LabForge from the npm lock file) on the node's vnc
 * WebSocket draws the simulated cluster's framebuffer (its orange band over navy); stopping the node closes the
 * screen, and the tab connects again once the node is READY. The serial tab sits beside it; axe-core on the page.
 */
class VncConsolePageTest extends BrowserTest {

    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"},{"name":"r2","image":"frr"}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""";

    @Test
    void theScreenTabShowsTheNodesFramebufferAndReconnectsWhenTheNodeRunsAgain() throws Exception {
        Catalog.ensure(api());
        ApiClient engineer = api().newUser();
        String lab = engineer.post("/api/v1/labs", LAB.formatted("vnc-" + UUID.randomUUID().toString().substring(0, 8)))
                .json().get("id").asString();
        assertThat(engineer.post("/api/v1/labs/" + lab + "/start", "").status()).isEqualTo(202);

        width(1280);
        signIn(engineer.token());
        open("/labs/" + lab);
        waiting().withMessage("both nodes READY").until(d -> readyNodes() == 2);

        clickNode("r1", "screen");
        awaitFramebuffer();
        WebElement tab = browser.findElement(By.cssSelector("[role='tab'][data-kind='vnc'][data-console-tab='r1']"));
        assertThat(tab.getAttribute("aria-selected")).isEqualTo("true");
        assertThat(status()).contains("Connected to r1's screen");
        // an engineer at their own lab is not watching: noVNC passes keys and pointer on
        assertThat(browser.executeScript("return document.querySelector('[data-screen=\"r1\"]').rfb.viewOnly;"))
                .isEqualTo(false);
        accessible();
        browser.executeScript("document.getElementById('consoles').scrollIntoView();");
        screenshot("console-vnc");

        clickNode("r1", "stop");
        waiting().withMessage(() -> "the screen closed by the stop; status: " + status())
                .until(d -> status().startsWith("Disconnected"));
        assertThat(status()).isEqualTo("Disconnected: node stopped. Reconnects when r1 is READY.");
        clickNode("r1", "start");
        waiting().withMessage(() -> "the screen back once r1 is READY again; status: " + status())
                .until(d -> "true".equals(screen().getAttribute("data-connected")));
        awaitFramebuffer();

        // the serial console of the same node gets a tab of its own beside the screen
        clickNode("r1", "console");
        assertThat(browser.findElements(By.cssSelector("#console-tabs [role='tab']"))).hasSize(2);
        assertThat(screen().isDisplayed()).isFalse();
        accessible();
    }


    /** Clicks a node's action button: the table is drawn again at each event, so a found button may go stale. */
    private void clickNode(String node, String action) {
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#nodes tr[data-node='" + node + "'] button[data-action='" + action + "']"))
                    .click();
            return true;
        });
    }
    private WebElement screen() {
        return browser.findElement(By.cssSelector("[data-screen='r1']"));
    }

    private String status() {
        return browser.findElement(By.cssSelector("#console-panels [role='tabpanel']:not([hidden]) .console-status"))
                .getText();
    }

    private long readyNodes() {
        // the table is drawn again at each event: counted in the page, no element goes stale in between
        return (Long) browser.executeScript(
                "return [...document.querySelectorAll('#nodes td.state')].filter(c => c.textContent === 'READY').length;");
    }

    /** Waits until noVNC's canvas holds the simulated screen (the orange band at the top, navy below), in sight. */
    @SuppressWarnings("unchecked")
    private void awaitFramebuffer() {
        waiting().withMessage(() -> "the simulated framebuffer on the canvas; status: " + status() + ", pixels: "
                        + pixels() + ", browser log: " + browser.manage().logs().get("browser").getAll())
                .until(d -> {
                    Map<String, Object> seen = pixels();
                    return seen != null && Boolean.TRUE.equals(seen.get("shown"))
                            && List.of(255L, 192L, 64L).equals(seen.get("band"))
                            && List.of(16L, 32L, 80L).equals(seen.get("below"));
                });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> pixels() {
        return (Map<String, Object>) browser.executeScript("""
                const canvas = document.querySelector('[data-screen="r1"] canvas');
                if (!canvas || canvas.width < 40 || canvas.height < 40) return null;
                const g = canvas.getContext('2d');
                const at = (x, y) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
                const box = canvas.getBoundingClientRect(); // on the page, not only in the canvas
                return { band: at(canvas.width - 5, 2), below: at(canvas.width - 5, canvas.height - 5),
                         size: canvas.width + 'x' + canvas.height, shown: box.width > 200 && box.height > 150,
                         box: Math.round(box.width) + 'x' + Math.round(box.height) };""");
    }
}
