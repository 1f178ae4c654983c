package dev.labforge.cluster.multus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.TestLabs;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Rendered NADs against Multus' CRD schema and the bridge plugin's needs; and the checks can fail. */
class NetworkAttachmentSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> nads() {
        return Stream.of(TestLabs.twoRouters(), TestLabs.vendorRing(), TestLabs.stoppedVlan(),
                        TestLabs.officeLan(null, null), TestLabs.officeLan(210, 211))
                .flatMap(lab -> lab.links().stream().map(link -> {
                    LinkDriver driver = Multus.driver(link.vlan() == null ? "bridge" : "vlan");
                    return Arguments.of(lab.labName() + "/" + link.nadName() + " (" + driver.name() + ")",
                            driver.render(lab, link));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nads")
    void everyRenderedNadIsValid(String name, GenericKubernetesResource nad) {
        assertThat(NadRules.violations(nad)).isEmpty();
    }

    static Stream<Arguments> brokenNads() {
        return Stream.of(
                Arguments.of("config is not JSON", config(c -> null), "\"{cniVersion", "not JSON"),
                Arguments.of("bridge name of 16 characters", config(c -> c.put("bridge", "nl0123456789abcd")), null,
                        "config.bridge"),
                Arguments.of("no mtu", config(c -> { c.remove("mtu"); return c; }), null, "config.mtu"),
                Arguments.of("no cniVersion", config(c -> { c.remove("cniVersion"); return c; }), null,
                        "config.cniVersion"),
                Arguments.of("CNI name differs from the NAD", config(c -> c.put("name", "other")), null, "config.name"),
                Arguments.of("VLAN out of range", config(c -> c.put("vlan", 4095)), null, "config.vlan"),
                Arguments.of("no ipam", config(c -> { c.remove("ipam"); return c; }), null, "config.ipam"),
                Arguments.of("config as an object (schema)", (UnaryOperator<ObjectNode>) nad -> {
                    ((ObjectNode) nad.get("spec")).putObject("config").put("type", "bridge");
                    return nad;
                }, null, "/spec/config: object found, string expected"),
                Arguments.of("typo in spec (strict pass)", (UnaryOperator<ObjectNode>) nad -> {
                    ((ObjectNode) nad.get("spec")).set("confg", nad.get("spec").get("config"));
                    return nad;
                }, null, "/spec/confg: unknown field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenNads")
    void aBrokenNadIsRejected(String name, UnaryOperator<ObjectNode> breakIt, String rawConfig, String expected) {
        LabPlan lab = TestLabs.twoRouters();
        ObjectNode nad = Serialization.jsonMapper().valueToTree(Multus.driver("bridge").render(lab, lab.links().getFirst()));
        assertThat(NadRules.violations(nad)).as("the unbroken NAD").isEmpty();
        ObjectNode broken = breakIt.apply(nad);
        if (rawConfig != null) {
            ((ObjectNode) nad.get("spec")).put("config", rawConfig);
            broken = nad;
        }
        assertThat(NadRules.violations(broken)).anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    /** A mutation of the parsed CNI config, written back as the string; a null result leaves the NAD to rawConfig. */
    private static UnaryOperator<ObjectNode> config(UnaryOperator<ObjectNode> edit) {
        return nad -> {
            ObjectNode config = (ObjectNode) JSON.readTree(nad.get("spec").get("config").asString());
            ObjectNode edited = edit.apply(config);
            if (edited != null) {
                ((ObjectNode) nad.get("spec")).put("config", JSON.writeValueAsString(edited));
            }
            return nad;
        };
    }
}
