package dev.labforge.web.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.MovableClock;
import dev.labforge.web.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An instructor, in the browser, end to end on the simulated cluster: creates a course from a lab of theirs (bad input
 * first: the API's problems show beside the fields), enrols students by list (an unknown name shown beside the list)
 * and by CSV (a bad line named beside the file), makes a join code, re-applies the template, books a weekly session
 * (one off the quarter hour first), cancels one occurrence, and watches the class view fill up as the session starts.
 * axe-core on each page; the set-up page fits a 390 px screen.
 */
class CourseSetupJourneyTest extends BrowserTest {

    private static final String TEMPLATE = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":1,"memoryMib":512},
                                  {"name":"r2","image":"frr","cpu":1,"memoryMib":512}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""";

    @Autowired
    private MovableClock clock;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void anInstructorCreatesACourseFromALabEnrolsStudentsBooksASessionAndWatchesTheClassFillUp() throws Exception {
        Catalog.ensure(api());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String pool = "setup-" + suffix;
        assertThat(api().post("/api/v1/capacity/pools", "{\"name\":\"" + pool
                + "\",\"vcpus\":64,\"memoryMib\":1048576,\"nodes\":1000}").status()).isEqualTo(201);
        ApiClient instructor = api().newUser();
        String lab = instructor.post("/api/v1/labs", TEMPLATE.formatted("template-" + suffix)).json().get("id")
                .asString();
        List<ApiClient> listed = List.of(api().newUser(), api().newUser());
        ApiClient uploaded = api().newUser();
        Instant quarter = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(
                (Instant.now().getEpochSecond() % 3600) / 900 * 15));
        clock.set(quarter.plus(Duration.ofMinutes(5)));
        Instant start = quarter.plus(Duration.ofMinutes(15));

        width(1280);
        signIn(instructor.token());
        open("/courses");
        visible(By.linkText("Create a course")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#c-template option[value='" + lab + "']")).size() == 1);
        accessible();

        // bad input: a name the API refuses and no template, each shown beside its field
        type("c-name", "Not A Name");
        type("c-title", "Routing <b>" + suffix + "</b>");
        new Select(browser.findElement(By.id("c-pool"))).selectByValue(pool);
        type("c-zone", "+02:00");
        submit("course-form");
        settled().until(d -> d.findElement(By.id("e-name")).getText().contains("lower-case"));
        assertThat(browser.findElement(By.id("c-name")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("e-template")).getText()).isNotEmpty();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isIn("c-name", "c-template");
        accessible();
        screenshot("course-new");

        String course = "setup-" + suffix;
        type("c-name", course);
        new Select(browser.findElement(By.id("c-template"))).selectByValue(lab);
        submit("course-form");
        settled().until(d -> d.findElement(By.id("e-zone")).getText().contains("fixed offset"));
        assertThat(browser.findElement(By.id("e-name")).getText()).isEmpty();
        type("c-zone", "Europe/Zurich");
        new Select(browser.findElement(By.id("c-end"))).selectByValue("reset");
        type("c-weekly", "240");
        type("c-extensions", "1"); // the extension window left empty: the default
        submit("course-form");
        waiting().until(ExpectedConditions.urlMatches("/courses/" + course + "/setup$"));
        settled().until(d -> d.findElement(By.cssSelector("[data-setting='Time zone']")).getText()
                .equals("Europe/Zurich"));
        Response made = instructor.get("/api/v1/courses/" + course);
        assertThat(made.json().get("templateLab").asString()).isEqualTo(lab);
        assertThat(made.json().get("endAction").asString()).isEqualTo("reset");
        assertThat(made.json().get("weeklyAllowanceMinutes").asInt()).isEqualTo(240);
        assertThat(made.json().get("maxExtensions").asInt()).isEqualTo(1);
        assertThat(made.json().get("followsDefault").valueStream().map(JsonNode::asString))
                .containsExactly("extendWithinMinutes");
        assertThat(browser.findElement(By.cssSelector("[data-setting='Title']")).getText())
                .isEqualTo("Routing <b>" + suffix + "</b>");

        // the roster: a list with an unknown name is refused whole, the name shown beside the list
        type("r-usernames", listed.get(0).username() + "\nnobody-" + suffix + ", " + listed.get(1).username());
        submit("add-form");
        settled().until(d -> d.findElement(By.id("e-usernames")).getText()
                .contains("there is no user named 'nobody-" + suffix + "'"));
        assertThat(instructor.get("/api/v1/courses/" + course + "/roster").json().get("members").size()).isEqualTo(1);
        // lines and commas separate names, spaces do not: a name with a space is refused by that name
        type("r-usernames", listed.get(0).username() + "\nBAD NAME");
        submit("add-form");
        settled().until(d -> d.findElement(By.id("e-usernames")).getText().contains("'BAD NAME'"));
        type("r-usernames", listed.get(0).username() + "\n" + listed.get(1).username());
        submit("add-form");
        for (ApiClient student : listed) {
            visible(By.cssSelector("#roster tr[data-member='" + student.username() + "']"));
        }
        Path csv = Files.createTempFile("roster", ".csv");
        Files.writeString(csv, "username,role\n" + uploaded.username() + ",student\nghost-" + suffix + "\n");
        browser.findElement(By.id("r-csv")).sendKeys(csv.toString());
        submit("csv-form");
        settled().until(d -> d.findElement(By.id("e-csv")).getText()
                .equals("line 3: there is no user named 'ghost-" + suffix + "'"));
        Files.writeString(csv, "username,role\n" + uploaded.username() + ",student\n");
        browser.findElement(By.id("r-csv")).sendKeys(csv.toString());
        submit("csv-form");
        visible(By.cssSelector("#roster tr[data-member='" + uploaded.username() + "']"));
        Files.delete(csv);
        settled().until(d -> d.findElement(By.id("roster-h")).getText().equals("Roster (3 students)"));

        browser.findElement(By.id("rotate")).click();
        settled().until(d -> d.findElement(By.id("join-code")).getText().startsWith(course + "-"));
        assertThat(browser.findElement(By.id("join-code")).getText())
                .isEqualTo(instructor.get("/api/v1/courses/" + course).json().get("joinCode").asString());
        assertThat(browser.findElement(By.id("g-group")).getAttribute("readonly")).as("only admins set the group")
                .isNotNull();

        // the template changes after the students got their copies: re-applying brings it to their labs
        Response template = instructor.get("/api/v1/labs/" + lab);
        assertThat(instructor.put("/api/v1/labs/" + lab, TEMPLATE.formatted("template-" + suffix).replace(
                "\"r2\",\"image\":\"frr\",\"cpu\":1", "\"r2\",\"image\":\"frr\",\"cpu\":2"),
                "If-Match", template.header("ETag")).status()).isEqualTo(200);
        browser.findElement(By.id("reapply")).click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        settled().until(d -> d.findElement(By.id("reapply-result")).getText().contains("applied to 3 labs; 0 skipped"));
        String copy = instructor.get("/api/v1/courses/" + course + "/roster").json().get("members").valueStream()
                .filter(m -> m.get("role").asString().equals("student")).findFirst().orElseThrow().get("lab")
                .asString();
        assertThat(instructor.get("/api/v1/labs/" + copy).json().get("nodes").get(1).get("cpu").asInt()).isEqualTo(2);

        // a session: off the quarter hour first (shown beside the start), then weekly for three weeks
        localStart(start.plus(Duration.ofMinutes(7)));
        type("s-minutes", "30");
        submit("session-form");
        settled().until(d -> d.findElement(By.id("e-start")).getText().contains("quarter hour"));
        assertThat(browser.findElement(By.id("s-start")).getAttribute("aria-invalid")).isEqualTo("true");
        accessible();
        localStart(start);
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("s-until")),
                start.plus(Duration.ofDays(15)).toString().substring(0, 10));
        submit("session-form");
        settled().until(d -> d.findElements(By.cssSelector("#sessions tr[data-seq]")).size() == 3);
        assertThat(browser.findElement(By.id("e-start")).getText()).isEmpty();
        browser.findElement(By.cssSelector("#sessions tr[data-seq='2'] button[data-action='cancel']")).click();
        settled().until(d -> d.findElement(By.cssSelector("#sessions tr[data-seq='2']")).getAttribute("data-state")
                .equals("cancelled"));
        var booked = instructor.get("/api/v1/courses/" + course + "/sessions").json().get(0);
        assertThat(booked.get("start").asString()).isEqualTo(start.toString());
        assertThat(booked.get("seats").asInt()).isEqualTo(3);
        assertThat(booked.get("recurrence").asString()).startsWith("FREQ=WEEKLY;UNTIL=");
        assertThat(booked.get("occurrences").get(1).get("state").asString()).isEqualTo("cancelled");
        assertThat(booked.get("occurrences").get(2).get("state").asString()).isEqualTo("booked");
        browser.executeScript("window.scrollTo(0, 0)");
        accessible();
        screenshot("course-setup");

        width(390);
        browser.navigate().refresh();
        settled().until(d -> d.findElements(By.cssSelector("#sessions tr[data-seq]")).size() == 3);
        visible(By.cssSelector("#roster tr[data-member='" + uploaded.username() + "']"));
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth"
                + " > document.documentElement.clientWidth + 1;")).as("the set-up page fits a 390 px screen").isFalse();
        accessible();
        screenshot("course-setup-phone");
        width(1280);

        // the class view fills up as the session starts
        browser.findElement(By.linkText("Class view")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#tiles li.tile")).size() == 3);
        clock.set(start.plus(Duration.ofMinutes(1)));
        waiting().withMessage(() -> "every tile ready; tiles: " + tiles())
                .until(d -> d.findElements(By.cssSelector("#tiles li.tile[data-ready='true']")).size() == 3);
        assertThat(browser.findElement(By.id("counts")).getText()).isEqualTo("3 students: 3 RUNNING");
        accessible();
    }

    /** Sets the start field as a person would pick it: the browser's local time of that instant. */
    private void localStart(Instant at) {
        browser.executeScript("const d = new Date(arguments[1]);"
                + "arguments[0].value = new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString()"
                + ".slice(0, 16);", browser.findElement(By.id("s-start")), at.toString());
    }

    /**
     * The set-up page's settings form changes a course after it is made: a refusal shows beside its field and changes
     * nothing; a good change is saved (with the ETag read, so it overwrites nobody) and shown in the settings.
     */
    @Test
    void anInstructorChangesTheCoursesSettingsOnItsSetUpPage() throws Exception {
        Catalog.ensure(api());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String pool = "settings-" + suffix;
        assertThat(api().post("/api/v1/capacity/pools", "{\"name\":\"" + pool
                + "\",\"vcpus\":64,\"memoryMib\":1048576,\"nodes\":1000}").status()).isEqualTo(201);
        ApiClient instructor = api().newUser();
        String lab = instructor.post("/api/v1/labs", TEMPLATE.formatted("template-" + suffix)).json().get("id")
                .asString();
        String course = "set-" + suffix;
        assertThat(instructor.post("/api/v1/courses", "{\"name\":\"" + course + "\",\"templateLab\":\"" + lab
                + "\",\"pool\":\"" + pool + "\",\"title\":\"Before\"}").status()).isEqualTo(201);

        width(1280);
        signIn(instructor.token());
        open("/courses/" + course + "/setup");
        settled().until(d -> d.findElement(By.id("s-max")).getAttribute("value").equals("120"));
        // the extension rules follow the defaults: empty fields, the default beside
        assertThat(browser.findElement(By.id("s-extensions")).getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("s-extensions")).getAttribute("placeholder")).isEqualTo("default: 3");
        assertThat(browser.findElement(By.id("s-within")).getAttribute("placeholder")).isEqualTo("default: 15");
        visible(By.cssSelector("#change-settings summary")).click();
        type("s-max", "100");
        type("s-within", "200");
        submit("settings-form");
        settled().until(d -> d.findElement(By.id("es-max")).getText().contains("multiple of 15"));
        settled().until(d -> d.findElement(By.id("es-within")).getText().contains("longest slot"));
        assertThat(instructor.get("/api/v1/courses/" + course).json().get("maxSlotMinutes").asInt()).isEqualTo(120);
        accessible();

        type("s-max", "90");
        type("s-title", "After");
        type("s-extensions", "2");
        type("s-within", "30");
        new Select(browser.findElement(By.id("s-end"))).selectByValue("destroy");
        submit("settings-form");
        settled().until(d -> d.findElement(By.id("status")).getText().contains("Settings saved"));
        settled().until(d -> d.findElement(By.cssSelector("[data-setting='Longest practice slot']")).getText()
                .equals("90 min"));
        Response changed = instructor.get("/api/v1/courses/" + course);
        assertThat(changed.json().get("maxSlotMinutes").asInt()).isEqualTo(90);
        assertThat(changed.json().get("title").asString()).isEqualTo("After");
        assertThat(changed.json().get("endAction").asString()).isEqualTo("destroy");
        assertThat(changed.json().get("maxExtensions").asInt()).isEqualTo(2);
        assertThat(changed.json().get("extendWithinMinutes").asInt()).isEqualTo(30);
        assertThat(changed.json().get("followsDefault")).isEmpty();
        assertThat(browser.findElement(By.id("es-max")).getText()).isEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-setting='Extend in the last']")).getText())
                .isEqualTo("30 min");

        // the rules round-trip through the page: read again, they are the course's; saved unchanged, they stay; an
        // emptied one goes back to the default
        browser.navigate().refresh();
        settled().until(d -> d.findElement(By.id("s-within")).getAttribute("value").equals("30"));
        assertThat(browser.findElement(By.id("s-extensions")).getAttribute("value")).isEqualTo("2");
        visible(By.cssSelector("#change-settings summary")).click();
        browser.findElement(By.id("s-extensions")).clear();
        submit("settings-form");
        settled().until(d -> d.findElement(By.cssSelector("[data-setting='Extensions per booking']")).getText()
                .equals("3 (the default)"));
        JsonNode restored = instructor.get("/api/v1/courses/" + course).json();
        assertThat(restored.get("maxExtensions").asInt()).isEqualTo(3);
        assertThat(restored.get("extendWithinMinutes").asInt()).as("saved as shown").isEqualTo(30);
        assertThat(restored.get("title").asString()).isEqualTo("After");
        assertThat(restored.get("followsDefault").valueStream().map(JsonNode::asString))
                .containsExactly("maxExtensions");
        settled().until(d -> d.findElement(By.id("s-extensions")).getAttribute("placeholder").equals("default: 3"));
        assertThat(browser.findElement(By.id("s-extensions")).getAttribute("value")).isEmpty();
        accessible();
    }

    private void submit(String form) {
        browser.findElement(By.cssSelector("#" + form + " button[type='submit']")).click();
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Waits while the page redraws what the test reads: an element found may be replaced before it is read. */
    private WebDriverWait settled() {
        WebDriverWait wait = waiting();
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private List<String> tiles() {
        return browser.findElements(By.cssSelector("#tiles li.tile")).stream().map(WebElement::getText).toList();
    }
}
