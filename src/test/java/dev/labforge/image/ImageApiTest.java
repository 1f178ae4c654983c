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
    void adminsChangeAnImageNoLabUsesButNotOneInUseNorItsName() {
        String name = "edit-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/images", image(name)).status()).isEqualTo(201);
        String id = api().get("/api/v1/images/" + name).json().get("id").asString();
        String changed = image(name).replace("FRRouting on Debian", "FRR 10.3").replace("frr-vm:10.2", "frr-vm:10.3");

        assertThat(api().newUser().put("/api/v1/images/" + name, changed).status()).isEqualTo(403);
        var renamed = api().put("/api/v1/images/" + name, image(name + "-x"));
        assertThat(renamed.status()).isEqualTo(422);
        assertThat(renamed.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
        assertThat(api().put("/api/v1/images/nope-" + name, image("nope-" + name)).status()).isEqualTo(404);

        var put = api().put("/api/v1/images/" + name, changed);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        var read = api().get("/api/v1/images/" + name).json();
        assertThat(read.get("description").asString()).isEqualTo("FRR 10.3");
        assertThat(read.get("containerDisk").asString()).endsWith("frr-vm:10.3");
        assertThat(read.get("id").asString()).isEqualTo(id);

        ApiClient user = api().newUser();
        assertThat(user.post("/api/v1/labs", "{\"name\":\"l\",\"nodes\":[{\"name\":\"r1\",\"image\":\"" + name
                + "\"}]}").status()).isEqualTo(201);
        var refused = api().put("/api/v1/images/" + name, image(name));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("1 lab").contains("copy");
        assertThat(api().get("/api/v1/images/" + name).json().get("description").asString()).isEqualTo("FRR 10.3");
    }

    @Test
    void validatesTheInterfacePatternAndReadiness() {
        String bad = image("bad-" + UUID.randomUUID().toString().substring(0, 8))
                .replace("eth{n}", "eth").replace("\"port\":22", "\"port\":0");
        var response = api().post("/api/v1/images", bad);
        assertThat(response.status()).isEqualTo(422);
        // the annotations' problem and the rule across fields in one answer (OneRoundValidation)
        assertThat(response.pointers())
                .containsExactlyInAnyOrder("/readiness/port", "/interfaces/pattern");
        var pattern = api().post("/api/v1/images", bad.replace("\"port\":0", "\"port\":22"));
        assertThat(pattern.pointers())
                .containsExactly("/interfaces/pattern");
    }

    @Test
    void anImageDeclaresInterfaceAliasesItsKindAccepts() {
        String name = "srl-" + UUID.randomUUID().toString().substring(0, 8);
        String srl = image(name).replace("\"pattern\":\"eth{n}\"", "\"pattern\":\"e1-{n}\",\"aliases\":[\"ethernet-1/{n}\"]")
                .replace("\"clabKind\":\"linux\"", "\"clabKind\":\"nokia_srlinux\"");
        assertThat(api().post("/api/v1/images", srl).status()).isEqualTo(201);
        assertThat(api().get("/api/v1/images/" + name).json().get("interfaces").get("aliases").get(0).asString())
                .isEqualTo("ethernet-1/{n}");

        // a containerlab file written with the alias imports with the image's own names
        var lab = api().newUser().send("POST", "/api/v1/labs", """
                name: srl-aliases
                topology:
                  nodes:
                    a: {kind: nokia_srlinux, image: %s}
                    b: {kind: nokia_srlinux, image: %s}
                  links:
                    - endpoints: ["a:ethernet-1/1", "b:ethernet-1/2"]
                """.formatted(name, name), "application/yaml");
        assertThat(lab.status()).as(lab.body()).isEqualTo(201);
        assertThat(lab.json().get("links").get(0).get("endpoints").valueStream().map(e -> e.asString()))
                .containsExactly("a:e1-1", "b:e1-2");

        var bad = api().post("/api/v1/images", image("bad-" + name)
                .replace("\"pattern\":\"eth{n}\"", "\"pattern\":\"eth{n}\",\"aliases\":[\"ethernet\",\"eth{n}\"]"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.pointers())
                .containsExactly("/interfaces/aliases/0", "/interfaces/aliases/1");
    }

    @Test
    void aClabKindContainerlabDoesNotKnowIsRefusedAtRegistration() {
        String name = "kind-" + UUID.randomUUID().toString().substring(0, 8);
        var refused = api().post("/api/v1/images", image(name).replace("\"clabKind\":\"linux\"",
                "\"clabKind\":\"nokia_srlinx\""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/clabKind");
        assertThat(api().get("/api/v1/images/" + name).status()).isEqualTo(404);
        // containerlab's older names for its kinds are kinds it runs
        assertThat(api().post("/api/v1/images", image(name).replace("\"clabKind\":\"linux\"",
                "\"clabKind\":\"srl\"")).status()).isEqualTo(201);
    }
}
