package dev.labforge.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.web.BrowserTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Creating a lab from the form: routers with catalog images and links between interfaces. The service's problems come
 * back with JSON pointers and are shown beside the fields they point to; once fixed, the lab is created and opened.
 */
class LabCreateFormTest extends BrowserTest {

    @Test
    void problemsShowBesideTheirFieldsAndAFixedFormCreatesTheLab() throws Exception {
        Catalog.ensure(api());
        ApiClient engineer = api().newUser();
        String name = "form-" + UUID.randomUUID().toString().substring(0, 8);
        width(1280);
        signIn(engineer.token());

        open("/labs/create");
        waiting().until(d -> d.findElements(By.cssSelector("#routers > li")).size() == 2
                && d.findElements(By.cssSelector("#links > li")).size() == 1);
        browser.findElement(By.id("lab-name")).sendKeys(name);
        submitABadRouterNameAndAReusedPort();

        WebElement nameProblem = visible(By.cssSelector("[data-pointer='/nodes/2/name'] .problem"));
        assertThat(nameProblem.getText()).isNotBlank();
        assertThat(input("/nodes/2/name").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(visible(By.cssSelector("[data-pointer='/links/1/endpoints/0'] .problem")).getText())
                .contains("already used");
        assertThat(browser.findElements(By.cssSelector("[data-pointer='/nodes/0/name'] .problem"))).isEmpty();
        assertThat(engineer.get("/api/v1/labs?scope=owned&name=" + name).json().get("totalItems").asLong()).isZero();
        accessible();
        screenshot("create-form-problems");

        WebElement third = input("/nodes/2/name");
        third.clear();
        third.sendKeys("r3");
        WebElement reused = port("/links/1/endpoints/0");
        reused.clear();
        reused.sendKeys("eth2");
        browser.findElement(By.cssSelector("#create button[type='submit']")).click();
        waiting().until(ExpectedConditions.urlMatches("/labs/[0-9a-f-]{36}$"));
        waiting().until(d -> d.findElements(By.cssSelector("#picture g.node")).size() == 3);
        assertThat(browser.findElement(By.id("lab-name")).getText()).isEqualTo(name);
    }

    /**
     * A missing lab name (the document's annotations) and a bad router name and a reused interface (the topology's
     * rules) show at once, each beside its field: the API used to answer the annotations' problems first and the
     * topology's only once those were fixed.
     */
    @Test
    void problemsOfEveryKindShowInOneRound() throws Exception {
        Catalog.ensure(api());
        ApiClient engineer = api().newUser();
        width(1280);
        signIn(engineer.token());

        open("/labs/create");
        waiting().until(d -> d.findElements(By.cssSelector("#routers > li")).size() == 2
                && d.findElements(By.cssSelector("#links > li")).size() == 1);
        submitABadRouterNameAndAReusedPort(); // the lab's name left empty

        WebElement nameProblem = visible(By.cssSelector("#lab-name[aria-invalid='true']"));
        assertThat(nameProblem.getAttribute("aria-describedby")).isNotBlank();
        assertThat(visible(By.cssSelector("[data-pointer='/nodes/2/name'] .problem")).getText()).isNotBlank();
        assertThat(input("/nodes/2/name").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(visible(By.cssSelector("[data-pointer='/links/1/endpoints/0'] .problem")).getText())
                .contains("already used");
        accessible();
    }

    /**
     * On a 390 px phone the form stays within the screen, even with an image whose description is long: a fieldset is as
     * wide as its widest content unless told otherwise, and a select as wide as its longest option.
     */
    @Test
    void fitsAPhoneScreenWithALongImageDescription() throws Exception {
        Catalog.ensure(api());
        String image = "frr-long-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/images", """
                {"name":"%s","description":"FRRouting on a Debian cloud image (build your own containerDisk; see docs/images/README.md)",
                 "containerDisk":"registry.example.com/labforge/frr-debian:10.2","clabKind":"linux",
                 "defaultCpu":1,"defaultMemoryMib":1024,
                 "interfaces":{"pattern":"eth{n}","firstPort":1,"maxPorts":16},
                 "nicModel":"virtio","configDelivery":"NOCLOUD","readiness":{"probe":"TCP","port":22}}""".formatted(image))
                .status()).isEqualTo(201);
        ApiClient engineer = api().newUser();
        width(390);
        try {
            signIn(engineer.token());
            open("/labs/create");
            waiting().until(d -> d.findElements(By.cssSelector("#routers > li")).size() == 2);
            new Select(browser.findElement(By.cssSelector("#routers select")))
                    .selectByValue(image);
            assertThat((Boolean) browser.executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;"))
                    .as("the create form scrolls sideways at 390 px").isFalse();
            accessible();
        } finally {
            width(1280);
            api().delete("/api/v1/images/" + image);
        }
    }

    private WebElement input(String pointer) {
        return visible(By.cssSelector("[data-pointer='" + pointer + "'] input"));
    }

    private WebElement port(String pointer) {
        return visible(By.cssSelector("[data-pointer='" + pointer + "'] input[data-role='end-port']"));
    }

    /** A third router named against the rules, a second link on the first link's port, and the form sent. */
    private void submitABadRouterNameAndAReusedPort() {
        browser.findElement(By.id("add-router")).click();
        WebElement third = input("/nodes/2/name");
        third.clear();
        third.sendKeys("Bad_Name");
        browser.findElement(By.id("add-link")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#links > li")).size() == 2);
        WebElement reused = port("/links/1/endpoints/0");
        reused.clear();
        reused.sendKeys("eth1"); // r1:eth1 is the first link's already
        browser.findElement(By.cssSelector("#create button[type='submit']")).click();
    }
}
