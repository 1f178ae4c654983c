package dev.labforge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin pages over HTTP: served to an administrator's session, refused (403, no admin script) to anyone else's,
 * sent to sign-in without a session; the Admin link in the header only for administrators.
 */
class AdminPagesTest extends IntegrationTest {

    private static final List<String> SECTIONS = List.of("images", "pools", "quotas", "users", "audit");

    private ApiClient web;

    @BeforeEach
    void browser() {
        web = anonymous();
    }

    @Test
    void anAdministratorGetsEveryAdminPageWithTheAdminMenu() {
        String cookie = signIn(ADMIN_TOKEN);
        for (String section : SECTIONS) {
            Response page = web.get("/admin/" + section, "Cookie", cookie);
            assertThat(page.status()).as(section).isEqualTo(200);
            assertThat(page.body()).as(section)
                    .contains("<script type=\"module\" src=\"/assets/admin-" + section + ".js\"></script>")
                    .contains("<a href=\"/admin/" + section + "\" aria-current=\"page\">")
                    .contains("<a href=\"/admin\">Admin</a>");
            assertThat(page.header("Content-Security-Policy")).contains("script-src 'self';");
        }
        Response home = web.get("/admin", "Cookie", cookie);
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location")).endsWith("/admin/images");
        assertThat(web.get("/admin/secrets", "Cookie", cookie).status()).isEqualTo(404);
    }

    @Test
    void theImagePageOffersTheChoicesTheCatalogAccepts() {
        String body = web.get("/admin/images", "Cookie", signIn(ADMIN_TOKEN)).body();
        assertThat(body).contains("<option value=\"virtio\">virtio</option>", "<option value=\"ne2k_pci\">",
                "<option value=\"CONFIG_DRIVE\">", "<option value=\"TCP\">TCP</option>");
    }

    @Test
    void anyoneElseIsRefusedEveryAdminPageAndSeesNoAdminLink() {
        ApiClient user = api().newUser();
        String cookie = signIn(user.token());
        Response labs = web.get("/labs", "Cookie", cookie);
        assertThat(labs.status()).isEqualTo(200);
        assertThat(labs.body()).doesNotContain("href=\"/admin");
        for (String path : List.of("/admin", "/admin/images", "/admin/pools", "/admin/quotas", "/admin/users",
                "/admin/audit")) {
            Response page = web.get(path, "Cookie", cookie);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("Administrators only").doesNotContain("/assets/admin")
                    .doesNotContain("href=\"/admin");
        }
    }

    @Test
    void withoutASessionTheAdminPagesSendToSignIn() {
        for (String path : List.of("/admin", "/admin/users")) {
            Response page = web.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.header("Location")).as(path).endsWith("/signin");
        }
    }

    @Test
    void aRevokedAdministratorTokenEndsTheAdminPagesAtOnce() {
        Response minted = api().post("/api/v1/tokens", "{\"name\":\"admin browser\"}");
        assertThat(minted.status()).isEqualTo(201);
        String cookie = signIn(minted.json().get("secret").asString());
        assertThat(web.get("/admin/users", "Cookie", cookie).status()).isEqualTo(200);
        assertThat(api().delete("/api/v1/tokens/" + minted.json().get("id").asString()).status()).isEqualTo(204);
        Response after = web.get("/admin/users", "Cookie", cookie);
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.header("Location")).endsWith("/signin");
    }

    private String signIn(String token) {
        Response signIn = web.send("POST", "/signin", "token=" + token, "application/x-www-form-urlencoded");
        assertThat(signIn.status()).isEqualTo(302);
        String header = signIn.header("Set-Cookie");
        return header.substring(0, header.indexOf(';'));
    }
}
