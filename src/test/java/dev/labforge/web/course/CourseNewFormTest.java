package dev.labforge.web.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The create-a-course form shows a missing name and template, a value out of range and a value of the wrong type at
 * once, each beside its field: the API used to answer the wrong type alone first, and the rest only once it was fixed.
 */
class CourseNewFormTest extends BrowserTest {

    @Test
    void problemsOfEveryKindShowInOneRound() throws Exception {
        width(1280);
        signIn(api().newUser().token()); // no lab to choose as the template
        open("/courses/new");
        waiting().until(d -> d.findElements(By.cssSelector("#c-template option")).size() == 1);

        type("c-name", "");       // missing, like the template
        type("c-max", "45.5");    // the wrong type: an integer is expected
        type("c-window", "0");    // out of range
        browser.findElement(By.cssSelector("#course-form button[type='submit']")).click();

        waiting().until(d -> !d.findElement(By.id("e-max")).getText().isEmpty()
                || !d.findElement(By.id("e-name")).getText().isEmpty());
        for (String[] field : new String[][] {{"c-name", "e-name"}, {"c-template", "e-template"},
                {"c-max", "e-max"}, {"c-window", "e-window"}}) {
            assertThat(browser.findElement(By.id(field[1])).getText()).as(field[1]).isNotBlank();
            assertThat(browser.findElement(By.id(field[0])).getAttribute("aria-invalid")).as(field[0])
                    .isEqualTo("true");
        }
        assertThat(browser.findElement(By.id("e-max")).getText()).contains("integer");
        accessible();
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
