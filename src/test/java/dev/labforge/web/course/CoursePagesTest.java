package dev.labforge.web.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The course pages of a course the caller cannot see (none by that name, or one they are not in: alike, as the API
 * answers) are a plain not-found page, not a frame whose every form would fail; a member gets the frame.
 */
class CoursePagesTest extends BrowserTest {

    @Test
    void theSetUpPageOfNoSuchCourseIsAPlainNotFoundPage() {
        Response page = anonymous().get("/courses/nosuch/setup", "Cookie", signInOverHttp(ADMIN_TOKEN));
        assertNotFound(page, "nosuch");
        assertThat(page.body()).doesNotContain("course-setup.js");
    }

    @Test
    void theClassViewOfNoSuchCourseIsAPlainNotFoundPage() {
        Response page = anonymous().get("/courses/nosuch/class", "Cookie", signInOverHttp(ADMIN_TOKEN));
        assertNotFound(page, "nosuch");
        assertThat(page.body()).doesNotContain("class.js");
    }

    @Test
    void aCourseTheCallerIsNotInIsNotFoundAlikeAndAMemberGetsTheFrame() {
        Course course = Course.create(api());
        ApiClient outsider = api().newUser();
        String cookie = signInOverHttp(outsider.token());
        assertNotFound(anonymous().get("/courses/" + course.name() + "/setup", "Cookie", cookie), course.name());
        assertNotFound(anonymous().get("/courses/" + course.name() + "/class", "Cookie", cookie), course.name());

        String instructor = signInOverHttp(course.instructor().token());
        Response setup = anonymous().get("/courses/" + course.name() + "/setup", "Cookie", instructor);
        assertThat(setup.status()).isEqualTo(200);
        assertThat(setup.body()).contains("course-setup.js").contains("<form");
        assertThat(anonymous().get("/courses/" + course.name() + "/class", "Cookie", instructor).status())
                .isEqualTo(200);
        String student = signInOverHttp(course.enrol().token());
        assertThat(anonymous().get("/courses/" + course.name() + "/setup", "Cookie", student).status())
                .isEqualTo(200);
    }

    @Test
    void theNotFoundPageIsAccessibleAndLeadsBack() throws Exception {
        signIn(ADMIN_TOKEN);
        open("/courses/nosuch/setup");
        assertThat(visible(By.id("not-found")).getText()).isEqualTo("no course named 'nosuch'");
        assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
        accessible();
        browser.findElement(By.linkText("Back to your courses")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/courses"));
    }

    static void assertNotFound(Response page, String course) {
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        String main = page.body().substring(page.body().indexOf("<main"), page.body().indexOf("</main>"));
        assertThat(main).contains("no course named &#39;" + course + "&#39;").contains("<a href=\"/courses\">")
                .doesNotContain("<form");
    }

    private String signInOverHttp(String token) {
        ApiClient web = anonymous();
        Response signIn = web.send("POST", "/signin", "token=" + token, "application/x-www-form-urlencoded");
        assertThat(signIn.status()).isEqualTo(302);
        String header = signIn.header("Set-Cookie");
        return header.substring(0, header.indexOf(';'));
    }
}
