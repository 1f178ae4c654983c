package dev.labforge.web.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The set-up page's "Book a session" form shows a missing start and a number of seats of the wrong type at once,
 * beside their fields: the API used to answer the wrong type alone, and the start's problem only once it was fixed.
 */
class SessionFormTest extends BrowserTest {

    @Test
    void aMissingStartAndSeatsOfTheWrongTypeShowInOneRound() throws Exception {
        Course course = Course.create(api());
        width(1280);
        signIn(course.instructor().token());
        open("/courses/" + course.name() + "/setup");
        visible(By.id("session-form"));

        type("s-seats", "1.5"); // the wrong type: an integer is expected; the start is left empty
        browser.findElement(By.cssSelector("#session-form button[type='submit']")).click();

        waiting().until(d -> !d.findElement(By.id("e-seats")).getText().isEmpty()
                || !d.findElement(By.id("e-start")).getText().isEmpty());
        assertThat(browser.findElement(By.id("e-seats")).getText()).contains("integer");
        assertThat(browser.findElement(By.id("e-start")).getText()).contains("ISO-8601");
        assertThat(browser.findElement(By.id("s-seats")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("s-start")).getAttribute("aria-invalid")).isEqualTo("true");
        accessible();
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
