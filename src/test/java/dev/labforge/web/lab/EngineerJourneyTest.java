package dev.labforge.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.web.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An engineer, in the browser only: signs in, imports a containerlab file (its warning shown beside its line), opens
 * the lab, starts it and watches every node turn READY on the picture (the event stream, no polling), opens a node's
 * console and gets an answer to a command. At 1280 px and at 390 px, every page checked by axe-core.
 */
class EngineerJourneyTest extends BrowserTest {

    private static final String FILE = """
            name: %s
            topology:
              nodes:
                r1:
                  kind: linux
                  startup-config: |
                    hostname r1
                r2:
                  kind: linux
                  binds:
                    - ./daemons:/etc/frr/daemons
                r3:
                  kind: linux
              links:
                - endpoints: ["r1:eth1", "r2:eth1"]
                - endpoints: ["r2:eth2", "r3:eth1"]
            """;

    @Test
    void importStartWatchReadyAndTypeInAConsole() throws Exception {
        Catalog.ensure(api());
        ApiClient engineer = api().newUser();
        String name = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("journey", ".clab.yml");
        Files.writeString(file, FILE.formatted(name));

        width(1280);
        signIn(engineer.token());
        visible(By.cssSelector("#mine p.muted"));
        accessible();

        open("/labs/new");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import button")).click();
        WebElement flagged = visible(By.cssSelector("#source li.flagged"));
        assertThat(flagged.findElement(By.tagName("code")).getText()).contains("binds:");
        assertThat(flagged.findElement(By.cssSelector(".note")).getText()).contains("/topology/nodes/r2/binds");
        accessible();
        screenshot("import-warnings");

        browser.findElement(By.id("lab-link")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#picture g.node")).size() == 3);
        assertThat(browser.findElement(By.id("lab-name")).getText()).isEqualTo(name);
        accessible();

        browser.findElement(By.cssSelector("#lab-actions button[data-action='start']")).click();
        waiting().withMessage(this::shown)
                .until(d -> nodeStates().stream().allMatch("READY"::equals) && nodeStates().size() == 3);
        waiting().until(d -> d.findElement(By.id("lab-state")).getText().startsWith("RUNNING"));
        assertThat(browser.findElements(By.cssSelector("#events li"))).isNotEmpty();
        accessible();
        screenshot("lab-running");

        browser.findElement(By.cssSelector("#nodes tr[data-node='r1'] button[data-action='console']")).click();
        waitForTerminal("login:");
        typeInConsole("alice");
        waitForTerminal("Password:");
        typeInConsole("secret");
        waitForTerminal("r1#");
        typeInConsole("show interfaces");
        waitForTerminal("r2:eth1");
        accessible();
        screenshot("console");

        open("/labs");
        waiting().until(d -> d.findElements(By.cssSelector("#mine [data-lab-state]")).stream()
                .anyMatch(cell -> "RUNNING".equals(cell.getText())));
        accessible();
        screenshot("labs");

        width(390);
        open("/labs");
        visible(By.linkText(name));
        assertThat(horizontalOverflow()).as("the labs page fits a 390 px screen").isFalse();
        accessible();
        screenshot("labs-phone");
        browser.findElement(By.linkText(name)).click();
        waiting().until(d -> nodeStates().size() == 3 && nodeStates().stream().allMatch("READY"::equals));
        assertThat(horizontalOverflow()).as("the lab page fits a 390 px screen").isFalse();
        accessible();
        screenshot("lab-phone");
        width(1280);
    }

    /** What the lab page shows, for a failure's message. */
    private String shown() {
        return "picture " + nodeStates() + ", lab " + browser.findElement(By.id("lab-state")).getText() + ", error '"
                + browser.findElement(By.id("error")).getText() + "', events "
                + browser.findElements(By.cssSelector("#events li")).stream().map(WebElement::getText).toList()
                + ", browser log " + browser.manage().logs().get("browser").getAll();
    }

    private List<String> nodeStates() {
        return browser.findElements(By.cssSelector("#picture g.node")).stream()
                .map(g -> g.getAttribute("data-state")).toList();
    }

    private void waitForTerminal(String text) throws java.io.IOException {
        try {
            waitForTerminalText(text);
        } catch (RuntimeException e) {
            screenshot("console-failed");
            throw e;
        }
    }

    private void waitForTerminalText(String text) {
        waiting().withMessage(() -> "the console shows " + text + "; it shows: " + terminalText() + " / status: "
                + browser.findElements(By.cssSelector(".console-status")).stream().map(WebElement::getText).toList()
                + " / errors: " + browser.findElement(By.id("error")).getText())
                .until(d -> terminalText().contains(text));
    }


    private boolean horizontalOverflow() {
        return (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
    }
}
