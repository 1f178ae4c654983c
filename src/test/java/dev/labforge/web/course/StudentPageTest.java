package dev.labforge.web.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.MovableClock;
import dev.labforge.web.BrowserTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A student, in the browser: sees a course's free slots as a week calendar, picks a start in it with the keyboard and
 * books the slot that started at the last quarter hour (the
 * service's clock is set just before it to book it, then runs on real time), finds the lab READY under "my lab now"
 * with a countdown to the booking's end, extends the booking (it is in its last 15 minutes) and resets the lab, which
 * starts again. The course's title, with markup in it, shows as text.
 */
class StudentPageTest extends BrowserTest {

    private static final Duration QUARTER = Duration.ofMinutes(15);

    @Autowired
    private MovableClock clock;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void bookASlotThatStartsNowFindTheLabReadyExtendAndResetIt() throws Exception {
        Course course = Course.create(api());
        ApiClient student = course.enrol();
        // the booking ends at the next quarter hour, at least 3 minutes away, so it is in its last 15 minutes
        Instant now = Instant.now();
        Instant quarter = now.truncatedTo(ChronoUnit.HOURS).plus(QUARTER.multipliedBy(
                (now.getEpochSecond() % 3600) / QUARTER.toSeconds()));
        if (Duration.between(quarter, now).compareTo(Duration.ofMinutes(12)) > 0) {
            Thread.sleep(Duration.between(now, quarter.plus(QUARTER)).plusSeconds(2)); // the next quarter, not a race
            quarter = quarter.plus(QUARTER);
        }
        Instant start = quarter.minus(QUARTER);
        Instant end = quarter.plus(QUARTER);
        clock.set(start.minusSeconds(60)); // free slots and the booking as a minute before it starts

        width(1280);
        signIn(student.token());
        open("/courses");
        WebElement section = visible(By.cssSelector("section[data-course='" + course.name() + "']"));
        assertThat(section.findElement(By.tagName("h2")).getText()).contains("<b>");
        assertThat(section.findElements(By.cssSelector("h2 b"))).isEmpty();
        String iso = start.toString().replace("Z", ".000Z");
        By first = By.cssSelector("table.calendar td[data-start='" + iso + "']");
        assertThat(section.findElements(By.cssSelector("table.calendar td[data-state='free']"))).hasSizeGreaterThan(2);
        accessible();
        // the keyboard: the grid's one tab stop is the earliest free quarter; arrows move, Enter picks the start
        WebElement cell = section.findElement(first);
        assertThat(cell.getAttribute("tabindex")).isEqualTo("0");
        cell.sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.switchTo().activeElement().getAttribute("data-row"))
                .isEqualTo(String.valueOf(Integer.parseInt(cell.getAttribute("data-row")) + 1));
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(section.findElement(first).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(section.findElement(By.cssSelector("[data-role='chosen']")).getAttribute("data-start")).isEqualTo(iso);
        new Select(section.findElement(By.name("minutes"))).selectByValue("30");
        section.findElement(By.cssSelector("form[data-role='book'] button")).click();
        waiting().until(d -> d.findElements(By.cssSelector("section[data-course='" + course.name()
                + "'] li[data-booking]")).size() == 1);
        assertThat(student.get("/api/v1/bookings").json().get(0).get("start").asString()).isEqualTo(start.toString());
        assertThat(browser.findElements(By.cssSelector("table.calendar td[data-state='yours']")))
                .as("the booking's two quarters show as mine on the calendar").hasSize(2);
        accessible();
        screenshot("student-calendar");

        clock.useSystemTime(); // the booking is running now
        open("/courses");
        By state = By.cssSelector("[data-role='lab-now'] [data-role='lab-state']");
        waiting().withMessage(() -> "lab READY; shows " + text(state))
                .until(d -> "true".equals(d.findElement(state).getAttribute("data-ready")));
        assertThat(browser.findElement(By.cssSelector("[data-role='lab-now'] a")).getAttribute("href"))
                .endsWith("/labs/" + student.get("/api/v1/courses/" + course.name()).json().get("yourLab").asString());
        By countdown = By.cssSelector("[data-role='countdown']");
        // the page redraws its courses after each action: an element found may be replaced before it is read
        waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(countdown).getText().matches("0:(0\\d|1[0-5]):\\d\\d"));
        accessible();
        screenshot("student-courses");

        visible(By.cssSelector("button[data-action='extend']")).click();
        waiting().until(d -> student.get("/api/v1/bookings").json().get(0).get("end").asString()
                .equals(end.plus(QUARTER).toString()));
        waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("Extended"));
        waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElement(countdown).getText()
                .matches("0:(1[5-9]|2\\d|30):\\d\\d"));

        String lab = student.get("/api/v1/courses/" + course.name()).json().get("yourLab").asString();
        int resetsBefore = resets(student, lab);
        visible(By.cssSelector("button[data-action='reset']")).click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("Your lab was reset"));
        assertThat(resets(student, lab)).isEqualTo(resetsBefore + 1);
        waiting().withMessage(() -> "lab READY again; shows " + text(state))
                .until(d -> "true".equals(d.findElement(state).getAttribute("data-ready")));
        accessible();

        width(390);
        browser.navigate().refresh();
        visible(By.cssSelector("[data-role='lab-now'] [data-role='lab-state'][data-ready='true']"));
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth"
                + " > document.documentElement.clientWidth + 1;")).as("the page fits a 390 px screen").isFalse();
        accessible();
        screenshot("student-courses-phone");
        width(1280);
    }

    private String text(By by) {
        return browser.findElements(by).stream().map(WebElement::getText).toList() + " error '"
                + browser.findElement(By.id("error")).getText() + "'";
    }

    private static int resets(ApiClient student, String lab) {
        int n = 0;
        for (var event : student.get("/api/v1/labs/" + lab + "/events?limit=1000", "Accept", "application/json").json().path("items")) {
            if ("LabReset".equals(event.path("kind").asString())) {
                n++;
            }
        }
        return n;
    }

    @Test
    void myBookingsAreListedByStartTimeNotByWhenTheyWereBooked() {
        Course course = Course.create(api());
        ApiClient student = course.enrol();
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
        Instant later = tomorrow.plus(Duration.ofHours(3));
        for (Instant start : java.util.List.of(tomorrow, later)) { // booked in start order: the API lists later first
            ApiClient.Response booked = student.post("/api/v1/bookings", "{\"course\":\"" + course.name()
                    + "\",\"start\":\"" + start + "\",\"end\":\"" + start.plus(QUARTER.multipliedBy(2)) + "\"}");
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        }
        assertThat(student.get("/api/v1/bookings").json().get(0).get("start").asString()).isEqualTo(later.toString());

        width(1280);
        signIn(student.token());
        open("/courses");
        By listed = By.cssSelector("section[data-course='" + course.name() + "'] li[data-booking]");
        waiting().until(d -> d.findElements(listed).size() == 2);
        java.util.List<String> ids = browser.findElements(listed).stream().map(li -> li.getAttribute("data-booking"))
                .toList();
        assertThat(ids).as("soonest first").containsExactly(
                student.get("/api/v1/bookings").json().get(1).get("id").asString(),
                student.get("/api/v1/bookings").json().get(0).get("id").asString());
    }
}
