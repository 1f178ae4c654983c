package dev.labforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input of every kind gets a 4xx problem document with a stable type, and changes nothing. */
class ProblemResponsesTest extends IntegrationTest {

    private ApiClient user;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
    }

    private static JsonNode problem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("type").asString()).isEqualTo("https://labforge.dev/problems/" + type);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at dev.labforge", "at org.");
        return body;
    }

    private int labCount() {
        return user.get("/api/v1/labs").json().get("totalItems").asInt();
    }

    @Test
    void topologyViolationsListEveryRuleWithAPointer() {
        Response response = user.post("/api/v1/labs", """
                {"name":"broken","nodes":[{"name":"R1","image":"frr"},{"name":"r2","image":"nope"}],
                 "links":[{"endpoints":["r2:eth1","ghost:eth1"]},{"endpoints":["r1"]}]}""");

        JsonNode body = problem(response, 422, "validation-failed");
        assertThat(body.get("errors")).isNotEmpty();
        // the malformed link (one endpoint) is a shape error, found before the topology rules run
        assertThat(body.get("errors").get(0).get("pointer").asString()).isEqualTo("/links/1/endpoints");
        assertThat(labCount()).isZero();

        Response rules = user.post("/api/v1/labs", """
                {"name":"broken","nodes":[{"name":"R1","image":"frr"},{"name":"r2","image":"nope"}],
                 "links":[{"endpoints":["r2:eth1","ghost:eth1"]}]}""");
        JsonNode errors = problem(rules, 422, "validation-failed").get("errors");
        assertThat(errors.valueStream().map(e -> e.get("pointer").asString() + " " + e.get("rule").asString()))
                .containsExactlyInAnyOrder("/nodes/0/name node-name-format", "/nodes/1/image image-known",
                        "/links/0/endpoints/1 endpoint-node-exists");
        assertThat(labCount()).isZero();
    }

    @Test
    void malformedJsonIsABadRequest() {
        problem(user.post("/api/v1/labs", "{\"name\": \"x\", "), 400, "invalid-request");
        problem(user.post("/api/v1/labs", ""), 400, "invalid-request");
        problem(user.post("/api/v1/labs", "[1,2]"), 400, "invalid-request");
        assertThat(labCount()).isZero();
    }

    @Test
    void wrongTypesPointAtTheField() {
        JsonNode body = problem(user.post("/api/v1/labs",
                "{\"name\":\"x\",\"nodes\":[{\"name\":\"r1\",\"image\":\"frr\",\"cpu\":\"lots\"}]}"),
                400, "invalid-request");
        assertThat(body.get("errors").get(0).get("pointer").asString()).isEqualTo("/nodes/0/cpu");
    }

    @Test
    void unknownFieldsAreRefusedWithTheirPointer() {
        JsonNode body = problem(user.post("/api/v1/labs",
                "{\"name\":\"x\",\"nodes\":[{\"name\":\"r1\",\"image\":\"frr\",\"colour\":\"red\"}]}"),
                400, "invalid-request");
        assertThat(body.get("errors").get(0).get("pointer").asString()).isEqualTo("/nodes/0/colour");
    }

    @Test
    void beanConstraintsPointAtTheField() {
        JsonNode body = problem(user.post("/api/v1/labs", "{\"name\":\"-bad name-\"}"), 422, "validation-failed");
        assertThat(body.get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "{\"name\":\"x\",\"description\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}";
        problem(user.post("/api/v1/labs", huge), 413, "payload-too-large");
        assertThat(labCount()).isZero();
    }

    @Test
    void wrongMediaTypeMethodAndAcceptAreProblems() {
        problem(user.send("POST", "/api/v1/labs", "name=x", "application/x-www-form-urlencoded"), 415,
                "unsupported-media-type");
        problem(user.send("PATCH", "/api/v1/labs", "{}", "application/json"), 405, "method-not-allowed");
        problem(user.get("/api/v1/nothing-here"), 404, "not-found");
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthenticated() {
        Response none = anonymous().get("/api/v1/labs");
        problem(none, 401, "unauthenticated");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        problem(api().as("lf_not-a-real-token-at-all-000").get("/api/v1/labs"), 401, "unauthenticated");
        problem(anonymous().get("/api/v1/labs", "Authorization", "Basic YWRtaW46YWRtaW4="), 401, "unauthenticated");
        problem(anonymous().get("/api/v1/nothing-here"), 401, "unauthenticated");
    }

    @Test
    void theContainersErrorPageIsAProblemToo() {
        problem(anonymous().get("/error"), 500, "internal-error");
    }

    @Test
    void healthAndApiDocsNeedNoToken() {
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(200);
    }
}
