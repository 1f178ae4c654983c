package dev.labforge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.web.BrowserTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator in the browser: registers an image (the API's validation problems show beside the fields) and
 * edits it, revokes
 * a user's token (it stops working at once), disables and enables the user, changes a pool, sets a quota and pages the
 * audit log through its filters; at 1280 and 390 px, axe-core on every page. Someone else sees no Admin link, is
 * refused the admin pages, and the API refuses them anyway.
 */
class AdminJourneyTest extends BrowserTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @Test
    void anAdministratorRegistersAnImageAndRevokesAToken() throws Exception {
        Catalog.ensure(api());
        ApiClient someone = api().newUser();
        assertThat(someone.get("/api/v1/me").status()).isEqualTo(200);
        String image = "web-" + UUID.randomUUID().toString().substring(0, 8);

        width(1280);
        signIn(ADMIN_TOKEN);
        visible(By.linkText("Admin")).click();
        waiting().until(ExpectedConditions.urlMatches("/admin/images$"));
        visible(By.cssSelector("#images tr[data-image='frr']"));
        accessible();

        type("f-name", "Not A Name");
        type("f-description", HOSTILE);
        type("f-disk", "quay.io/example/frr-vm:10.2");
        type("f-pattern", "eth");
        browser.findElement(By.id("f-disk")).sendKeys(Keys.ENTER); // the keyboard submits the form
        settled().until(d -> d.findElement(By.id("e-name")).getText().contains("lower-case"));
        assertThat(browser.findElement(By.id("f-name")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("f-name");

        type("f-name", image);
        browser.findElement(By.cssSelector("#image-form button[type='submit']")).click();
        settled().until(d -> d.findElement(By.id("e-pattern")).getText().contains("{n}"));
        assertThat(browser.findElement(By.id("e-name")).getText()).isEmpty();
        accessible();

        type("f-pattern", "eth{n}");
        browser.findElement(By.cssSelector("#image-form button[type='submit']")).click();
        WebElement row = visible(By.cssSelector("#images tr[data-image='" + image + "']"));
        assertThat(row.getText()).contains(HOSTILE);
        assertThat(row.findElements(By.tagName("img"))).isEmpty();
        assertNoAlert();
        assertThat(api().get("/api/v1/images/" + image).json().get("description").asString()).isEqualTo(HOSTILE);
        settled().until(d -> d.findElement(By.id("status")).getText().equals("Registered " + image + "."));
        accessible();
        browser.executeScript("window.scrollTo(0, 0)");
        screenshot("admin-images");

        // an entry no lab uses can be edited in place, under its name
        browser.findElement(By.cssSelector("#images tr[data-image='" + image + "'] button[data-action='edit']")).click();
        assertThat(browser.findElement(By.id("f-name")).getAttribute("readonly")).isNotNull();
        assertThat(browser.findElement(By.id("f-description")).getAttribute("value")).isEqualTo(HOSTILE);
        type("f-description", "FRR for the web test");
        browser.findElement(By.cssSelector("#image-form button[type='submit']")).click();
        settled().until(d -> d.findElement(By.cssSelector("#images tr[data-image='" + image + "']")).getText()
                .contains("FRR for the web test"));
        assertThat(api().get("/api/v1/images/" + image).json().get("description").asString())
                .isEqualTo("FRR for the web test");

        open("/admin/users");
        WebElement user = visible(By.cssSelector("#users tr[data-user='" + someone.username() + "']"));
        user.findElement(By.cssSelector("button[data-action='tokens']")).click();
        WebElement revoke = visible(By.cssSelector("#token-list button[data-action='revoke']"));
        accessible();
        screenshot("admin-users");
        revoke.click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        settled().until(d -> d.findElement(By.id("token-list")).getText().contains("has no tokens"));
        assertThat(someone.get("/api/v1/me").status()).as("the revoked token works no more").isEqualTo(401);

        ApiClient other = api().newUser();
        open("/admin/users");
        By otherRow = By.cssSelector("#users tr[data-user='" + other.username() + "']");
        visible(otherRow).findElement(By.cssSelector("button[data-action='disable']")).click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        By disabled = By.cssSelector("#users tr[data-user='" + other.username() + "'][data-disabled='true']");
        visible(disabled); // the list is drawn anew after each change
        assertThat(other.get("/api/v1/me").status()).isEqualTo(403);
        browser.findElement(disabled).findElement(By.cssSelector("button[data-action='enable']")).click();
        visible(By.cssSelector("#users tr[data-user='" + other.username() + "'][data-disabled='false']"));
        assertThat(other.get("/api/v1/me").status()).isEqualTo(200);

        width(390);
        for (String page : new String[] {"images", "users"}) {
            open("/admin/" + page);
            visible(By.cssSelector("#" + page + " table"));
            assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth"
                    + " > document.documentElement.clientWidth + 1;")).as(page + " fits a 390 px screen").isFalse();
            accessible();
        }
        screenshot("admin-users-phone");
        width(1280);
    }

    @Test
    void anAdministratorChangesAPoolSetsAQuotaAndPagesTheAuditLog() throws Exception {
        ApiClient someone = api().newUser();
        String pool = "web-" + UUID.randomUUID().toString().substring(0, 8);
        width(1280);
        signIn(ADMIN_TOKEN);

        open("/admin/pools");
        visible(By.id("p-name"));
        type("p-name", pool);
        type("p-vcpus", "16");
        type("p-memory", "65536");
        type("p-nodes", "8");
        browser.findElement(By.cssSelector("#pool-form button[type='submit']")).click();
        By row = By.cssSelector("#pools tr[data-pool='" + pool + "']");
        assertThat(visible(row).getText()).contains("0 / 16");
        row(row).findElement(By.cssSelector("button[data-action='edit']")).click();
        assertThat(browser.findElement(By.id("p-name")).getAttribute("readonly")).isNotNull();
        type("p-vcpus", "0");
        browser.findElement(By.cssSelector("#pool-form button[type='submit']")).click();
        settled().until(d -> !d.findElement(By.id("e-vcpus")).getText().isEmpty());
        accessible();
        type("p-vcpus", "24");
        browser.findElement(By.cssSelector("#pool-form button[type='submit']")).click();
        settled().until(d -> d.findElement(row).getText().contains("0 / 24"));
        assertThat(api().get("/api/v1/capacity/pools/" + pool).json().get("vcpus").asLong()).isEqualTo(24);
        accessible();
        screenshot("admin-pools");

        open("/admin/quotas?user=" + someone.username());
        settled().until(d -> d.findElement(By.id("quota-h")).getText().equals("User " + someone.username()));
        type("l-labs", "3");
        browser.findElement(By.cssSelector("#quota-form button[type='submit']")).click();
        settled().until(d -> d.findElement(By.cssSelector("#usage tr[data-limit='labs']")).getText().endsWith("3"));
        assertThat(api().get("/api/v1/quotas/users/" + someone.username()).json().get("limits").get("labs").asInt())
                .isEqualTo(3);
        type("l-labs", "-1");
        browser.findElement(By.cssSelector("#quota-form button[type='submit']")).click();
        settled().until(d -> !d.findElement(By.id("e-labs")).getText().isEmpty());
        accessible();

        open("/admin/audit");
        visible(By.cssSelector("#entries table"));
        type("a-action", "capacity.pool.");
        browser.findElement(By.cssSelector("#audit-filter button[type='submit']")).click();
        waiting().until(ExpectedConditions.urlContains("action=capacity.pool."));
        settled().until(d -> !d.findElements(By.cssSelector("#entries tr[data-entry]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#entries tr[data-entry]")))
                .allSatisfy(r -> assertThat(r.getAttribute("data-action")).startsWith("capacity.pool."));
        accessible();
        screenshot("admin-audit");

        // the two newest pool entries are this test's update then create: one a page
        open("/admin/audit?action=capacity.pool.&limit=1");
        By entries = By.cssSelector("#entries tr[data-entry]");
        settled().until(d -> d.findElements(entries).size() == 1);
        assertThat(browser.findElement(entries).getAttribute("data-action")).isEqualTo("capacity.pool.update");
        String first = browser.findElement(entries).getAttribute("data-entry");
        visible(By.id("older")).click();
        settled().until(d -> d.findElements(entries).size() == 1
                && !first.equals(d.findElement(entries).getAttribute("data-entry")));
        assertThat(browser.findElement(entries).getAttribute("data-action")).isEqualTo("capacity.pool.create");
        assertThat(browser.findElement(entries).getText()).contains(pool);

        open("/admin/audit?actor=" + someone.username() + "&since=2999-01-01T00:00");
        settled().until(d -> d.findElement(By.id("entries")).getText().contains("No entries match"));
    }

    @Test
    void someoneElseSeesNoAdminLinkAndIsRefusedByThePageAndTheApi() throws Exception {
        ApiClient user = api().newUser();
        signIn(user.token());
        visible(By.linkText("Labs"));
        assertThat(browser.findElements(By.cssSelector("header a[href^='/admin']"))).isEmpty();
        open("/admin/users");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Administrators only");
        assertThat(browser.findElements(By.id("users"))).isEmpty();
        accessible();
        Map<String, Object> refused = fetchFromPage("GET", "/api/v1/users");
        assertThat(((Number) refused.get("status")).intValue()).isEqualTo(403);
        Map<String, Object> revoke = fetchFromPage("POST", "/api/v1/users/admin/disable");
        assertThat(((Number) revoke.get("status")).intValue()).isEqualTo(403);
    }

    /** Waits while the page redraws what the test reads: an element found may be replaced before it is read. */
    private WebDriverWait settled() {
        WebDriverWait wait = waiting();
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private WebElement row(By by) {
        return browser.findElement(by);
    }

    private void assertNoAlert() {
        try {
            browser.switchTo().alert();
            throw new AssertionError("a stored string ran as script");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }
}
