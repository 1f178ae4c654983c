package dev.labforge.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.access.oidc.TestIdentityProvider;
import dev.labforge.web.BrowserTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in to the page with the identity provider: the provider's login page, back with a code, the same session as
 * a token sign-in, the user and their teams mapped as for bearer tokens. A wrong state, a callback from another
 * browser and a replayed callback are refused on the sign-in page, never with a 500.
 */
// single sign-on on (the issuer of the identity provider this class starts and stops) makes a context of its own on
// the shared database: closed after the class, so that it gives the reconciler lease back (held, it would keep the
// shared context's booking tests waiting for it) and does not run on against a provider that is gone
@DirtiesContext
class SingleSignOnPageTest extends BrowserTest {

    static final TestIdentityProvider idp = TestIdentityProvider.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        registry.add("labforge.oidc.issuer", idp::issuer);
        registry.add("labforge.oidc.audience", () -> TestIdentityProvider.AUDIENCE);
    }

    @AfterAll
    static void stopProvider() {
        idp.close();
    }

    @Test
    void signsInOnTheProvidersLoginPageWithTeamsFromItsGroups() throws Exception {
        String name = "sso-" + UUID.randomUUID().toString().substring(0, 8);
        String group = "netops-" + name;
        String team = "team-" + name;
        assertThat(api().post("/api/v1/teams", "{\"name\":\"" + team + "\",\"idpGroup\":\"" + group + "\"}")
                .status()).isEqualTo(201);
        idp.groups(name, List.of(group));

        browser.manage().deleteAllCookies();
        open("/signin");
        accessible();
        screenshot("signin-sso");
        browser.findElement(By.id("sso")).click();
        visible(By.id("username")).sendKeys(name); // the provider's own page
        assertThat(browser.getTitle()).contains("Test provider");
        browser.findElement(By.id("kc-login")).click();
        waiting().until(ExpectedConditions.urlMatches("/(labs)?$"));
        assertThat(visible(By.cssSelector("header .me")).getText()).isEqualTo(name);

        assertThat(fetchFromPage("GET", "/api/v1/me").get("body").toString()).contains("\"username\":\"" + name + "\"");
        assertThat(api().get("/api/v1/teams/" + team).body()).contains("\"username\":\"" + name + "\"");
        assertThat(idp.tokenRequests().getLast()).contains("code_verifier=").contains("grant_type=authorization_code");
    }

    @Test
    void aWrongStateAnotherBrowserAndAReplayedCallbackAreRefusedWithAClearPage() throws Exception {
        ApiClient web = anonymous();

        Response wrong = web.get(SingleSignOnController.CALLBACK + "?state=made-up&code=whatever");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("unknown or was already used");

        Flow other = flow(web, "mallory");
        Response elsewhere = web.get(other.callback()); // without the cookie of the browser that started it
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("started in another browser");
        assertThat(elsewhere.header("Set-Cookie")).doesNotContain("labforge_session=");

        Flow flow = flow(web, "sso-" + UUID.randomUUID().toString().substring(0, 8));
        Response done = web.get(flow.callback(), "Cookie", flow.cookie());
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.headers().get("set-cookie")).anyMatch(c -> c.startsWith("labforge_session=")
                && c.contains("HttpOnly"));

        Response replayed = web.get(flow.callback(), "Cookie", flow.cookie());
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.body()).contains("unknown or was already used");

        Response denied = web.get(SingleSignOnController.CALLBACK + "?error=access_denied&state=x");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.body()).contains("did not sign you in: access_denied");
    }

    /** A flow started here and finished at the provider's login page: the callback it sends the browser to. */
    private record Flow(String callback, String cookie) {
    }

    private Flow flow(ApiClient web, String username) throws Exception {
        Response start = web.get(SingleSignOnController.START);
        assertThat(start.status()).isEqualTo(302);
        String setCookie = start.header("Set-Cookie");
        assertThat(setCookie).startsWith(SingleSignOnController.FLOW_COOKIE + "=").contains("HttpOnly");
        URI authorize = URI.create(start.header("Location"));
        Map<String, String> query = query(authorize.getRawQuery());
        assertThat(query).containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce");
        String login = "username=" + username + "&state=" + enc(query.get("state")) + "&nonce=" + enc(query.get("nonce"))
                + "&code_challenge=" + enc(query.get("code_challenge")) + "&redirect_uri="
                + enc(query.get("redirect_uri"));
        HttpResponse<String> back = HTTP.send(HttpRequest.newBuilder(URI.create(idp.issuer() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        return new Flow(callback.getRawPath() + "?" + callback.getRawQuery(),
                setCookie.substring(0, setCookie.indexOf(';')));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
