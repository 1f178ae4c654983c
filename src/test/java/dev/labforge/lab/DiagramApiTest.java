package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DiagramApiTest extends IntegrationTest {

    @Test
    void drawsTheLabAsSvgWithEveryNodeAndLink() throws Exception {
        Catalog.ensure(api());
        ApiClient user = api().newUser();
        String id = user.post("/api/v1/labs", LabApiTest.triangle("picture")).json().get("id").asString();

        Response svg = user.get("/api/v1/labs/" + id + "/topology.svg");

        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.header("ETag")).isEqualTo("\"0\"");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.body()).contains("data-node=\"r1\"", "data-node=\"r3\"", "eth2", "picture");
        assertThat(svg.body().split("class=\"link\"", -1)).hasSize(4);

        assertThat(user.get("/api/v1/labs/" + id + "/topology.svg", "If-None-Match", "\"0\"").status())
                .isEqualTo(304);
        assertThat(api().newUser().get("/api/v1/labs/" + id + "/topology.svg").status()).isEqualTo(404);
    }
}
