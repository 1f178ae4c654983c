package dev.labforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every JSON request body, each with a value of the wrong JSON type: a 400 problem with an error
 * pointing at the field, never a quiet conversion (1.5 to 1, "2" to 2, 1 to true, 5 to "5").
 * Bodies are read before anything is looked up, so the ids and names in the paths need not exist.
 */
class WrongTypesTest extends IntegrationTest {

    private static final String LAB = "/api/v1/labs/" + UUID.randomUUID();

    /** A lab body whose first node or link carries the given fields. */
    private static String lab(String nodeFields, String linkFields) {
        return """
                {"name":"typed","nodes":[{"name":"r1","image":"frr"%s},{"name":"r2","image":"frr"}],
                 "links":[{"endpoints":["r1:eth1","r2:eth1"]%s}]}""".formatted(nodeFields, linkFields);
    }

    private static String node(String fields) {
        return lab("," + fields, "");
    }

    private static String link(String fields) {
        return lab("", "," + fields);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                // labs, created and replaced
                Arguments.of("POST", "/api/v1/labs", node("\"cpu\":1.5"), "/nodes/0/cpu"),
                Arguments.of("POST", "/api/v1/labs", node("\"cpu\":\"2\""), "/nodes/0/cpu"),
                Arguments.of("POST", "/api/v1/labs", node("\"cpu\":true"), "/nodes/0/cpu"),
                Arguments.of("POST", "/api/v1/labs", node("\"cpu\":\"\""), "/nodes/0/cpu"),
                Arguments.of("POST", "/api/v1/labs", node("\"memoryMib\":2048.0"), "/nodes/0/memoryMib"),
                Arguments.of("POST", "/api/v1/labs", node("\"startupConfig\":1"), "/nodes/0/startupConfig"),
                Arguments.of("POST", "/api/v1/labs", node("\"labels\":{\"role\":1}"), "/nodes/0/labels/role"),
                Arguments.of("POST", "/api/v1/labs", node("\"position\":{\"x\":\"1\",\"y\":2}"),
                        "/nodes/0/position/x"),
                Arguments.of("POST", "/api/v1/labs", node("\"position\":{\"x\":1,\"y\":false}"),
                        "/nodes/0/position/y"),
                Arguments.of("POST", "/api/v1/labs", node("\"position\":{\"x\":null,\"y\":2}"),
                        "/nodes/0/position/x"),
                Arguments.of("POST", "/api/v1/labs", node("\"name\":7"), "/nodes/0/name"),
                Arguments.of("POST", "/api/v1/labs", link("\"mtu\":\"9000\""), "/links/0/mtu"),
                Arguments.of("POST", "/api/v1/labs", link("\"mtu\":1500.5"), "/links/0/mtu"),
                Arguments.of("POST", "/api/v1/labs", "{\"name\":5}", "/name"),
                Arguments.of("POST", "/api/v1/labs", "{\"name\":\"x\",\"description\":false}", "/description"),
                Arguments.of("POST", "/api/v1/labs",
                        "{\"name\":\"x\",\"links\":[{\"endpoints\":[\"r1:eth1\",2]}]}", "/links/0/endpoints/1"),
                Arguments.of("PUT", LAB, node("\"cpu\":1.5"), "/nodes/0/cpu"),
                // users and tokens
                Arguments.of("POST", "/api/v1/users", "{\"username\":\"typed-admin\",\"admin\":1}", "/admin"),
                Arguments.of("POST", "/api/v1/users", "{\"username\":\"typed-admin\",\"admin\":\"true\"}", "/admin"),
                Arguments.of("POST", "/api/v1/users", "{\"username\":42}", "/username"),
                Arguments.of("POST", "/api/v1/users", "{\"username\":\"typed\",\"displayName\":1.5}",
                        "/displayName"),
                Arguments.of("POST", "/api/v1/tokens", "{\"name\":\"t\",\"expiresInDays\":1.9}", "/expiresInDays"),
                Arguments.of("POST", "/api/v1/tokens", "{\"name\":\"t\",\"expiresInDays\":\"30\"}", "/expiresInDays"),
                Arguments.of("POST", "/api/v1/tokens", "{\"name\":true}", "/name"),
                // teams and their members
                Arguments.of("POST", "/api/v1/teams", "{\"name\":1}", "/name"),
                Arguments.of("POST", "/api/v1/teams", "{\"name\":\"t\",\"displayName\":false}", "/displayName"),
                Arguments.of("POST", "/api/v1/teams", "{\"name\":\"t\",\"idpGroup\":3}", "/idpGroup"),
                Arguments.of("PUT", "/api/v1/teams/no-such-team", "{\"displayName\":2}", "/displayName"),
                Arguments.of("PUT", "/api/v1/teams/no-such-team/members/nobody", "{\"role\":1}", "/role"),
                // sharing
                Arguments.of("PUT", LAB + "/access", "{\"grants\":[{\"user\":1,\"level\":\"view\"}]}",
                        "/grants/0/user"),
                Arguments.of("PUT", LAB + "/access", "{\"grants\":[{\"team\":\"t\",\"level\":2}]}",
                        "/grants/0/level"),
                // the image catalog
                Arguments.of("POST", "/api/v1/images", "{\"name\":\"typed\",\"defaultCpu\":1.5}", "/defaultCpu"),
                Arguments.of("POST", "/api/v1/images", "{\"name\":\"typed\",\"defaultMemoryMib\":\"512\"}",
                        "/defaultMemoryMib"),
                Arguments.of("POST", "/api/v1/images", "{\"interfaces\":{\"pattern\":\"eth{n}\",\"firstPort\":0.5}}",
                        "/interfaces/firstPort"),
                Arguments.of("POST", "/api/v1/images", "{\"nicModel\":0}", "/nicModel"),
                Arguments.of("POST", "/api/v1/images", "{\"readiness\":{\"probe\":\"TCP\",\"port\":\"22\"}}",
                        "/readiness/port"),
                Arguments.of("POST", "/api/v1/images", "{\"containerDisk\":false}", "/containerDisk"),
                // quotas
                Arguments.of("PUT", "/api/v1/quotas/users/nobody", "{\"labs\":1.5}", "/labs"),
                Arguments.of("PUT", "/api/v1/quotas/users/nobody", "{\"memoryMib\":\"1024\"}", "/memoryMib"),
                Arguments.of("PUT", "/api/v1/quotas/users/nobody", "{\"vcpus\":true}", "/vcpus"),
                Arguments.of("PUT", "/api/v1/quotas/teams/no-such-team", "{\"runningNodes\":2.5}", "/runningNodes"));
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("wrongTypes")
    void aValueOfTheWrongTypeIsABadRequestPointingAtIt(String method, String path, String body, String pointer) {
        Response response = api().send(method, path, body, "application/json");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://labforge.dev/problems/invalid-request");
        // the body's other problems (the fields these bodies leave out) come in the same answer: OneRoundValidationTest
        var unreadable = new java.util.ArrayList<JsonNode>();
        problem.get("errors").forEach(error -> {
            if (error.get("detail").asString().startsWith("wrong type or value")) {
                unreadable.add(error);
            }
        });
        assertThat(unreadable).hasSize(1);
        assertThat(unreadable.getFirst().get("pointer").asString()).isEqualTo(pointer);
        assertThat(unreadable.getFirst().get("detail").asString()).startsWith("wrong type or value: expected");
    }

    @Test
    void anIntegerIsStillANumberWhereFractionsAreAllowed() {
        dev.labforge.Catalog.ensure(api());
        ApiClient user = api().newUser();

        Response created = user.post("/api/v1/labs", node("\"position\":{\"x\":10,\"y\":20.5}"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("nodes").get(0).get("position").get("x").asDouble()).isEqualTo(10.0);
    }

    @Test
    void aNumberForAdminCreatesNoUser() {
        String name = "typed-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(api().post("/api/v1/users", "{\"username\":\"" + name + "\",\"admin\":1}").status())
                .isEqualTo(400);

        assertThat(api().get("/api/v1/users").body()).doesNotContain(name);
    }

    @Test
    void aStringThatIsNoUuidIsSaidToBeNoUuid() {
        Response response = api().post("/api/v1/courses", "{\"name\":\"typed\",\"templateLab\":\"not-a-uuid\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("pointer").asString()).isEqualTo("/templateLab");
        assertThat(error.get("detail").asString()).startsWith("not a UUID");
    }
}
