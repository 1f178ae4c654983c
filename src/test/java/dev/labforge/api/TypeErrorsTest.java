package dev.labforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** Reading a body as far as it goes: every value that does not fit noted at its pointer, the rest kept in place. */
class TypeErrorsTest {

    record Port(Integer number, String name) {
    }

    record Body(String name, Integer cpu, List<Integer> mtus, List<Port> ports) {
    }

    private static final JsonMapper JSON = strict();
    private static final JavaType BODY = JSON.getTypeFactory().constructType(Body.class);

    private static JsonMapper strict() {
        // as the service reads: StrictJsonInput, and unknown fields refused (application.yaml)
        JsonMapper.Builder builder = JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        StrictJsonInput.apply(builder);
        return builder.build();
    }

    private static TypeErrors.Read read(String body) {
        return TypeErrors.read(JSON, body.getBytes(StandardCharsets.UTF_8), BODY);
    }

    @Test
    void aBodyThatFitsComesBackAsItCame() {
        String body = "{\"name\":\"r1\",\"cpu\":2}";
        TypeErrors.Read read = read(body);
        assertThat(read.errors()).isEmpty();
        assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void everyValueThatDoesNotFitIsNotedAndLeftOutTheRestKept() {
        TypeErrors.Read read = read("""
                {"name":5,"cpu":1.5,"mtus":[1500,"9000",1400],"ports":[{"number":"1","name":"eth1"},{"number":2}],
                 "extra":true}""");

        assertThat(read.errors()).extracting(InvalidField::pointer)
                .containsExactlyInAnyOrder("/name", "/cpu", "/mtus/1", "/ports/0/number", "/extra");
        assertThat(read.errors()).filteredOn(e -> e.pointer().equals("/extra")).extracting(InvalidField::detail)
                .containsExactly("unknown field");
        Body kept = JSON.readValue(read.body(), Body.class);
        assertThat(kept.name()).isNull();
        assertThat(kept.mtus()).containsExactly(1500, null, 1400); // the others keep their places (and pointers)
        assertThat(kept.ports().get(0)).isEqualTo(new Port(null, "eth1"));
        assertThat(kept.ports().get(1)).isEqualTo(new Port(2, null));
    }

    @Test
    void aBodyThatIsNoJsonOrNoObjectIsLeftToTheReader() {
        for (String body : new String[] {"{\"name\":", "[1,2]", "7", ""}) {
            TypeErrors.Read read = read(body);
            assertThat(read.errors()).as(body).isEmpty();
            assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        }
    }
}
