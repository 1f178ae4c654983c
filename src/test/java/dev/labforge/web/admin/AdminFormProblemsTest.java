package dev.labforge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.Catalog;
import dev.labforge.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin forms show every problem of what was sent in one round, each beside its field: a missing name, a value out
 * of range, a value of the wrong type and (images) a rule across fields, which the API used to answer one kind at a
 * time (the type first, then the annotations, then the rules).
 */
class AdminFormProblemsTest extends BrowserTest {

    @Test
    void everyProblemShowsBesideItsFieldAtOnce() throws Exception {
        Catalog.ensure(api());
        width(1280);
        signIn(ADMIN_TOKEN);
        open("/admin/images");
        visible(By.cssSelector("#images tr[data-image='frr']"));

        type("f-name", "");                              // missing
        type("f-disk", "quay.io/example/frr-vm:10.2");
        type("f-cpu", "1.5");                            // the wrong type: an integer is expected
        type("f-memory", "10");                          // out of range
        type("f-pattern", "eth");                        // a rule across fields: no {n}
        browser.findElement(By.cssSelector("#image-form button[type='submit']")).click();

        waiting().until(d -> !d.findElement(By.id("e-pattern")).getText().isEmpty()
                || !d.findElement(By.id("e-cpu")).getText().isEmpty() || !d.findElement(By.id("e-name")).getText()
                .isEmpty());
        for (String[] field : new String[][] {{"f-name", "e-name", "blank"}, {"f-cpu", "e-cpu", "integer"},
                {"f-memory", "e-memory", "64"}, {"f-pattern", "e-pattern", "{n}"}}) {
            assertThat(browser.findElement(By.id(field[1])).getText()).as(field[1]).contains(field[2]);
            assertThat(browser.findElement(By.id(field[0])).getAttribute("aria-invalid")).as(field[0])
                    .isEqualTo("true");
        }
        assertThat(browser.findElement(By.id("e-disk")).getText()).isEmpty();
        accessible();
    }

    @Test
    void aPoolsProblemsShowBesideTheirFieldsAtOnce() throws Exception {
        width(1280);
        signIn(ADMIN_TOKEN);
        open("/admin/pools");
        visible(By.id("pool-form"));

        type("p-name", "");        // missing
        type("p-vcpus", "1.5");    // the wrong type: an integer is expected
        type("p-memory", "0");     // out of range
        type("p-nodes", "4");
        browser.findElement(By.cssSelector("#pool-form button[type='submit']")).click();

        waiting().until(d -> !d.findElement(By.id("e-vcpus")).getText().isEmpty()
                || !d.findElement(By.id("e-name")).getText().isEmpty());
        for (String[] field : new String[][] {{"p-name", "e-name"}, {"p-vcpus", "e-vcpus"},
                {"p-memory", "e-memory"}}) {
            assertThat(browser.findElement(By.id(field[1])).getText()).as(field[1]).isNotBlank();
            assertThat(browser.findElement(By.id(field[0])).getAttribute("aria-invalid")).as(field[0])
                    .isEqualTo("true");
        }
        assertThat(browser.findElement(By.id("e-vcpus")).getText()).contains("integer");
        assertThat(browser.findElement(By.id("e-nodes")).getText()).isEmpty();
        accessible();
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
