package dev.labforge.cluster.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient.Response;
import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An open event stream ends within seconds once its caller may no longer see the lab, whatever took it away. */
class EventStreamAccessTest extends IntegrationTest {

    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"}],"links":[]}""";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    enum CutOff { TOKEN_REVOKED, USER_DISABLED, GRANT_REMOVED, ADMIN_FLAG_REMOVED }

    @BeforeEach
    void images() {
        Catalog.ensure(api());
    }

    @ParameterizedTest
    @EnumSource(CutOff.class)
    void theStreamEndsWithinSecondsOfTheCallersAccess(CutOff cut) throws Exception {
        ApiClient owner = api().newUser();
        String lab = owner.post("/api/v1/labs", LAB.formatted("watched-" + UUID.randomUUID().toString().substring(0, 8)))
                .json().get("id").asString();
        Response token = owner.post("/api/v1/tokens", "{\"name\":\"watcher\"}");
        String watcher = switch (cut) {
            case TOKEN_REVOKED, USER_DISABLED -> token.json().get("secret").asString();
            case GRANT_REMOVED -> {
                ApiClient viewer = api().newUser();
                assertThat(owner.put("/api/v1/labs/" + lab + "/access", "{\"grants\":[{\"user\":\""
                        + viewer.username() + "\",\"level\":\"view\"}]}").status()).isEqualTo(200);
                yield secretOf(viewer);
            }
            case ADMIN_FLAG_REMOVED -> api().post("/api/v1/users", "{\"username\":\"watching-admin-"
                    + UUID.randomUUID().toString().substring(0, 8) + "\",\"admin\":true}")
                    .json().get("token").get("secret").asString();
        };

        HttpResponse<Stream<String>> stream = HTTP.sendAsync(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/labs/" + lab + "/events"))
                        .header("Authorization", "Bearer " + watcher).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
        try {
            assertThat(stream.statusCode()).isEqualTo(200);
            CompletableFuture<Long> lines = CompletableFuture.supplyAsync(() -> stream.body().count());

            switch (cut) {
                case TOKEN_REVOKED -> assertThat(owner.delete("/api/v1/tokens/" + token.json().get("id").asString())
                        .status()).isEqualTo(204);
                case USER_DISABLED -> assertThat(api().post("/api/v1/users/" + owner.username() + "/disable", null)
                        .status()).isEqualTo(200);
                case GRANT_REMOVED -> assertThat(owner.put("/api/v1/labs/" + lab + "/access", "{\"grants\":[]}")
                        .status()).isEqualTo(200);
                case ADMIN_FLAG_REMOVED -> jdbc.sql("update users set admin = false where id = (select user_id"
                        + " from api_tokens where token_hash = sha256(convert_to(?, 'UTF8')))").param(watcher).update();
            }

            // two access checks and a poll, with room for a loaded machine; without the check it runs 30 minutes
            lines.get(EventsController.ACCESS_CHECK.multipliedBy(5).toSeconds(), TimeUnit.SECONDS);
        } finally {
            stream.body().close();
        }
    }

    private String secretOf(ApiClient client) {
        Response created = client.post("/api/v1/tokens", "{\"name\":\"viewer\"}");
        return created.json().get("secret").asString();
    }
}
