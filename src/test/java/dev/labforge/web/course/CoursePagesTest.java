package dev.labforge.web.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The course pages over HTTP: a set-up page for a course nobody can see is a plain not-found page, not a frame. */
class CoursePagesTest extends IntegrationTest {

    @Test
    void theSetUpPageOfNoSuchCourseIsAPlainNotFoundPage() {
        ApiClient web = anonymous();
        Response page = web.get("/courses/nosuch/setup", "Cookie", signIn(web, ADMIN_TOKEN));
        assertThat(page.status()).isEqualTo(404);
        String main = page.body().substring(page.body().indexOf("<main"), page.body().indexOf("</main>"));
        assertThat(main).contains("no course named &#39;nosuch&#39;").contains("<a href=\"/courses\">")
                .doesNotContain("<form");
        assertThat(page.body()).doesNotContain("course-setup.js");
    }

    private static String signIn(ApiClient web, String token) {
        Response signIn = web.send("POST", "/signin", "token=" + token, "application/x-www-form-urlencoded");
        assertThat(signIn.status()).isEqualTo(302);
        String header = signIn.header("Set-Cookie");
        return header.substring(0, header.indexOf(';'));
    }
}
