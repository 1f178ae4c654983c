package dev.labforge.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in with an API token, the session cookie, CSRF on every change, and the ways a session ends. */
class SignInTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private ApiClient user;
    private ApiClient web;

    @BeforeEach
    void user() {
        user = api().newUser();
        web = anonymous();
    }

    @Test
    void aPageWithoutASessionSendsToTheSignInPage() {
        Response page = web.get("/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/signin");
        assertThat(web.get("/signin").status()).isEqualTo(200);
    }

    @Test
    void withoutSingleSignOnConfiguredThePageOffersNone() {
        assertThat(web.get("/signin").body()).doesNotContain("id=\"sso\"").doesNotContain("single sign-on");
        Response start = web.get("/signin/sso");
        assertThat(start.status()).isEqualTo(400);
        assertThat(start.body()).contains("not configured");
    }

    @Test
    void aGoodTokenOpensASessionWithAnHttpOnlySameSiteCookie() {
        Response signIn = signIn(user.token());
        assertThat(signIn.status()).isEqualTo(302);
        String setCookie = signIn.header("Set-Cookie");
        assertThat(setCookie).startsWith("labforge_session=").contains("HttpOnly").contains("SameSite=Lax")
                .doesNotContain("Secure"); // plain HTTP here; Secure where the request is TLS
        String cookie = cookie(signIn);
        Response page = web.get("/", "Cookie", cookie);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(user.username());
        assertThat(web.get("/api/v1/me", "Cookie", cookie).json().get("username").asString())
                .isEqualTo(user.username());
    }

    @Test
    void aBadTokenIsRefusedOnThePage() {
        Response signIn = signIn("lf_not-a-token-at-all-0000000000");
        assertThat(signIn.status()).isEqualTo(401);
        assertThat(signIn.header("Set-Cookie")).isNull();
        assertThat(signIn.body()).contains("unknown, revoked or expired");
    }

    @Test
    void aSignInFromAnotherSiteIsRefused() {
        Response forged = web.send("POST", "/signin", "token=" + user.token(), "application/x-www-form-urlencoded",
                "Origin", "https://evil.example");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/csrf-refused");
        assertThat(forged.header("Set-Cookie")).isNull();
    }

    @Test
    void aChangeWithTheCookieButWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String cookie = cookie(signIn(user.token()));
        String lab = "{\"name\":\"csrf-%s\",\"nodes\":[{\"name\":\"r1\",\"image\":\"frr\"}],\"links\":[]}"
                .formatted(System.nanoTime());
        dev.labforge.Catalog.ensure(api());
        Response forged = web.post("/api/v1/labs", lab, "Cookie", cookie);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/csrf-refused");
        assertThat(forged.json().get("detail").asString()).contains("X-CSRF-Token");
        assertThat(user.get("/api/v1/labs?scope=owned").json().get("totalItems").asLong()).isZero();

        Response wrong = web.post("/api/v1/labs", lab, "Cookie", cookie, "X-CSRF-Token", "guessed");
        assertThat(wrong.status()).isEqualTo(403);

        Response made = web.post("/api/v1/labs", lab, "Cookie", cookie, "X-CSRF-Token", csrf(cookie));
        assertThat(made.status()).isEqualTo(201);
    }

    @Test
    void signOutNeedsTheCsrfTokenAndEndsTheSession() {
        String cookie = cookie(signIn(user.token()));
        Response forged = web.send("POST", "/signout", "", "application/x-www-form-urlencoded", "Cookie", cookie);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/csrf-refused");
        assertThat(web.get("/api/v1/me", "Cookie", cookie).status()).isEqualTo(200);

        Response out = web.send("POST", "/signout", "_csrf=" + csrf(cookie), "application/x-www-form-urlencoded",
                "Cookie", cookie);
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(web.get("/api/v1/me", "Cookie", cookie).status()).isEqualTo(401);
        assertThat(web.get("/", "Cookie", cookie).status()).isEqualTo(302);
    }

    @Test
    void revokingTheTokenEndsItsSessions() {
        Response minted = user.post("/api/v1/tokens", "{\"name\":\"browser\"}");
        String token = minted.json().get("secret").asString();
        String cookie = cookie(signIn(token));
        assertThat(web.get("/api/v1/me", "Cookie", cookie).status()).isEqualTo(200);
        assertThat(user.delete("/api/v1/tokens/" + minted.json().get("id").asString()).status()).isEqualTo(204);
        assertThat(web.get("/api/v1/me", "Cookie", cookie).status()).isEqualTo(401);
        assertThat(web.get("/", "Cookie", cookie).status()).isEqualTo(302);
    }

    @Test
    void disablingTheUserEndsTheirSessions() {
        String cookie = cookie(signIn(user.token()));
        assertThat(api().post("/api/v1/users/" + user.username() + "/disable", null).status()).isEqualTo(200);
        assertThat(web.get("/api/v1/me", "Cookie", cookie).status()).isEqualTo(401);
        assertThat(web.get("/labs", "Cookie", cookie).status()).isEqualTo(302);
        assertThat(signIn(user.token()).status()).isEqualTo(401);
    }

    private Response signIn(String token) {
        return web.send("POST", "/signin", "token=" + token, "application/x-www-form-urlencoded");
    }

    private static String cookie(Response signIn) {
        String header = signIn.header("Set-Cookie");
        return header.substring(0, header.indexOf(';'));
    }

    private String csrf(String cookie) {
        Matcher found = CSRF.matcher(web.get("/", "Cookie", cookie).body());
        assertThat(found.find()).isTrue();
        return found.group(1);
    }
}
