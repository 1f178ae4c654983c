package dev.labforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A request body's problems of every kind in one answer: values of the wrong JSON type, the body's annotations and the
 * module's own rules on it (an image's rules across fields, a lab's topology rules). Before, the first wrong type
 * stopped reading, and the annotations' problems stopped the request before the rules ran: three rounds.
 */
class OneRoundValidationTest extends IntegrationTest {

    @Test
    void anImageWithAProblemOfEveryKindHearsOfAllAtOnce() {
        Response response = api().post("/api/v1/images", """
                {"name":"","containerDisk":"quay.io/x/y:1","defaultCpu":1.5,"defaultMemoryMib":10,
                 "interfaces":{"pattern":"eth","firstPort":1,"maxPorts":4},
                 "nicModel":"virtio","configDelivery":"NOCLOUD","readiness":{"probe":"TCP"}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/invalid-request");
        assertThat(response.pointers()).contains("/defaultCpu", "/name", "/defaultMemoryMib", "/interfaces/pattern",
                "/readiness/port");
        assertThat(response.pointers()).filteredOn("/defaultCpu"::equals).hasSize(1);
    }

    @Test
    void withoutAWrongTypeTheAnnotationsAndTheRulesComeTogether() {
        Response response = api().post("/api/v1/images", """
                {"name":"","containerDisk":"quay.io/x/y:1","defaultCpu":1,"defaultMemoryMib":10,
                 "interfaces":{"pattern":"eth","firstPort":1,"maxPorts":4},
                 "nicModel":"virtio","configDelivery":"NOCLOUD","readiness":{"probe":"TCP"}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("type").asString())
                .isEqualTo("https://labforge.dev/problems/validation-failed");
        assertThat(response.pointers()).contains("/name", "/defaultMemoryMib", "/interfaces/pattern",
                "/readiness/port");
    }

    @Test
    void aLabsAnnotationsTopologyRulesAndWrongTypesComeTogether() {
        Catalog.ensure(api());
        Response response = api().newUser().post("/api/v1/labs", """
                {"name":"","nodes":[{"name":"Bad_Name","image":"frr"},{"name":"r2","image":"frr","cpu":1.5}],
                 "links":[{"endpoints":["r1:eth1","r9:eth1"]}]}""");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.pointers()).contains("/name", "/nodes/0/name", "/nodes/1/cpu");
        assertThat(response.pointers()).anyMatch(p -> p.startsWith("/links/0"));
        assertThat(response.json().get("errors").valueStream().anyMatch(e -> e.has("rule"))).isTrue();
    }

    @Test
    void aWrongTypeAloneStillRefusesTheRequestAndStoresNothing() {
        Catalog.ensure(api());
        ApiClient user = api().newUser();
        String name = "typed-" + UUID.randomUUID().toString().substring(0, 8);

        Response response = user.post("/api/v1/labs", """
                {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":"2"}],"extra":1}""".formatted(name));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.pointers()).containsExactlyInAnyOrder("/nodes/0/cpu", "/extra");
        assertThat(user.get("/api/v1/labs?name=" + name).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void aBodyThatIsNoJsonIsRefusedAsBefore() {
        Response response = api().post("/api/v1/images", "{\"name\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("malformed JSON");
    }
}
