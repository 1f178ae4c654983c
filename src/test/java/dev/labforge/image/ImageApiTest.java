package dev.labforge.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImageApiTest extends IntegrationTest {

    private static String image(String name) {
        return Catalog.FRR.replace("\"name\":\"frr\"", "\"name\":\"" + name + "\"");
    }

    @Test
    void adminsRegisterAndRemoveImagesEveryoneReadsThem() {
        String name = "img-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient user = api().newUser();

        assertThat(user.post("/api/v1/images", image(name)).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/images", image(name)).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/images", image(name)).status()).isEqualTo(409);

        var read = user.get("/api/v1/images/" + name).json();
        assertThat(read.get("interfaces").get("pattern").asString()).isEqualTo("eth{n}");
        assertThat(read.get("nicModel").asString()).isEqualTo("virtio");
        assertThat(read.get("readiness").get("port").asInt()).isEqualTo(22);

        assertThat(user.delete("/api/v1/images/" + name).status()).isEqualTo(403);
        assertThat(api().delete("/api/v1/images/" + name).status()).isEqualTo(204);
        assertThat(user.get("/api/v1/images/" + name).status()).isEqualTo(404);
    }

    @Test
    void refusesToRemoveAnImageALabUses() {
        String name = "used-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/images", image(name)).status()).isEqualTo(201);
        ApiClient user = api().newUser();
        assertThat(user.post("/api/v1/labs", "{\"name\":\"l\",\"nodes\":[{\"name\":\"r1\",\"image\":\"" + name
                + "\"}]}").status()).isEqualTo(201);

        var refused = api().delete("/api/v1/images/" + name);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("1 lab");
    }

    @Test
    void validatesTheInterfacePatternAndReadiness() {
        String bad = image("bad-" + UUID.randomUUID().toString().substring(0, 8))
                .replace("eth{n}", "eth").replace("\"port\":22", "\"port\":0");
        var response = api().post("/api/v1/images", bad);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactly("/readiness/port");
        var pattern = api().post("/api/v1/images", bad.replace("\"port\":0", "\"port\":22"));
        assertThat(pattern.json().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactly("/interfaces/pattern");
    }
}
