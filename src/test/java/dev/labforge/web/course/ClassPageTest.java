package dev.labforge.web.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.MovableClock;
import dev.labforge.web.BrowserTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instructor, in the browser: opens the class view from "my courses", books a class session for the four students
 * on the roster, and once it runs (the service's clock moved to a minute after its start) watches three tiles turn
 * ready with the time left and the fourth show its failed node with the reason. The tiles change from the course's
 * one event stream: the page makes no other request to the API while it watches.
 */
class ClassPageTest extends BrowserTest {

    private static final String BROKEN = """
            {"name":"%s","description":"an image that never pulls","containerDisk":"quay.io/labforge/never-pull-%s:1",
             "clabKind":"linux","defaultCpu":1,"defaultMemoryMib":1024,
             "interfaces":{"pattern":"eth{n}","firstPort":1,"maxPorts":16},
             "nicModel":"virtio","configDelivery":"NOCLOUD","readiness":{"probe":"TCP","port":22}}""";

    @Autowired
    private MovableClock clock;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void anInstructorBooksAClassSessionAndWatchesEveryStudentsTileTurnReady() throws Exception {
        Course course = Course.create(api());
        List<ApiClient> students = List.of(course.enrol(), course.enrol(), course.enrol());
        ApiClient unlucky = course.enrol(); // their lab's r2 runs an image that never pulls
        String broken = "frr-broken-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/images", BROKEN.formatted(broken, broken)).status()).isEqualTo(201);
        String lab = unlucky.get("/api/v1/courses/" + course.name()).json().get("yourLab").asString();
        var mine = unlucky.get("/api/v1/labs/" + lab);
        assertThat(unlucky.put("/api/v1/labs/" + lab, """
                {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":2,"memoryMib":1024},
                                      {"name":"r2","image":"%s","cpu":2,"memoryMib":1024}],"links":[]}"""
                .formatted(mine.json().get("name").asString(), broken), "If-Match", mine.header("ETag")).status())
                .isEqualTo(200);
        Instant quarter = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(
                (Instant.now().getEpochSecond() % 3600) / 900 * 15));
        clock.set(quarter.plus(Duration.ofMinutes(5)));
        Instant start = quarter.plus(Duration.ofMinutes(15)); // the first start the page offers

        width(1280);
        signIn(course.instructor().token());
        open("/courses");
        visible(By.linkText("Class view of " + course.name())).click();
        waiting().until(d -> d.findElements(By.cssSelector("#tiles li.tile")).size() == 4);
        for (ApiClient student : students) {
            WebElement tile = browser.findElement(By.cssSelector("li[data-student='" + student.username() + "']"));
            assertThat(tile.findElement(By.tagName("h2")).getText()).isEqualTo(student.username());
            assertThat(tile.getAttribute("data-state")).isEqualTo("DEFINED");
        }
        accessible();

        new Select(browser.findElement(By.id("session-start"))).selectByValue(start.toString().replace("Z", ".000Z"));
        new Select(browser.findElement(By.id("session-minutes"))).selectByValue("30");
        browser.findElement(By.cssSelector("#session button")).click();
        waiting().until(d -> d.findElement(By.id("session-status")).getText().startsWith("Booked: 4 seats"));
        assertThat(course.instructor().get("/api/v1/courses/" + course.name() + "/sessions").json().get(0)
                .get("start").asString()).isEqualTo(start.toString());

        clock.set(start.plus(Duration.ofMinutes(1))); // the session runs: the reconciler seats and starts everyone
        waiting().withMessage(() -> "every tile ready; tiles: " + tiles())
                .until(d -> d.findElements(By.cssSelector("#tiles li.tile[data-ready='true']")).size() == 3);
        By failed = By.cssSelector("li[data-student='" + unlucky.username() + "'] [data-role='failed']");
        waiting().withMessage(() -> "a failed node with its reason; tiles: " + tiles())
                .until(d -> d.findElements(failed).size() == 1);
        assertThat(browser.findElement(failed).getText()).matches("r2: (ErrImagePull|ImagePullBackOff).*");
        for (WebElement tile : browser.findElements(By.cssSelector("#tiles li.tile[data-ready='true']"))) {
            assertThat(tile.findElement(By.cssSelector("[data-role='ready']")).getText()).isEqualTo("2/2 ready");
            assertThat(tile.findElement(By.cssSelector("[data-role='state']")).getText()).isEqualTo("RUNNING");
        }
        waiting().until(d -> d.findElements(By.cssSelector("#tiles [data-ready='true'] [data-role='left']")).stream()
                .allMatch(left -> left.getText().matches("(2[89]|29) min \\d\\d s left")));
        assertThat(browser.findElement(By.id("counts")).getText()).startsWith("4 students: 3 RUNNING, 1 ");

        @SuppressWarnings("unchecked")
        List<String> requests = (List<String>) browser.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest')"
                + ".map(e => new URL(e.name).pathname);");
        assertThat(requests).as("the tiles change from the stream alone, no polling")
                .containsExactly("/api/v1/courses/" + course.name() + "/sessions");
        accessible();
        screenshot("class-view");

        width(390);
        browser.navigate().refresh();
        waiting().until(d -> d.findElements(By.cssSelector("#tiles li.tile[data-ready='true']")).size() == 3);
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth"
                + " > document.documentElement.clientWidth + 1;")).as("the page fits a 390 px screen").isFalse();
        accessible();
        screenshot("class-view-phone");
        width(1280);
    }

    /**
     * A class view the API refuses (a student of the course) says why in the API's words, and offers no session form;
     * "reload the page" would not help, and the browser's event stream cannot tell. A course that does not exist gets
     * the not-found page.
     */
    @Test
    void aClassViewTheApiRefusesSaysWhyInsteadOfAskingForAReload() throws Exception {
        Course course = Course.create(api());
        ApiClient student = course.enrol();
        width(1280);
        signIn(student.token());

        open("/courses/" + course.name() + "/class");
        waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
        assertThat(browser.findElement(By.id("error")).getText())
                .isEqualTo(student.get("/api/v1/courses/" + course.name() + "/class").json().get("detail").asString())
                .contains("this needs an assistant");
        assertThat(browser.findElement(By.id("session")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("stream-state")).getText()).isEqualTo("Not live.");
        accessible();

        // a course that does not exist gets no frame at all: a plain not-found page (CoursePagesTest)
        open("/courses/no-such-" + course.name() + "/class");
        assertThat(visible(By.id("not-found")).getText()).contains("no-such-" + course.name())
                .doesNotContain("reload");
        assertThat(browser.findElements(By.id("session"))).isEmpty();
        accessible();
    }

    private List<String> tiles() {
        return browser.findElements(By.cssSelector("#tiles li.tile")).stream().map(WebElement::getText).toList();
    }
}
