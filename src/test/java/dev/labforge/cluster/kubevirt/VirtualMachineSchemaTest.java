package dev.labforge.cluster.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.LabObjects;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.NodePlan;
import dev.labforge.cluster.StructuralSchema;
import dev.labforge.cluster.TestLabs;
import dev.labforge.cluster.multus.Multus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Rendered VMs against KubeVirt's CRD schema (plus unknown fields) and its webhook's rules; and the checks can fail. */
class VirtualMachineSchemaTest {

    static final StructuralSchema SCHEMA =
            StructuralSchema.load("/schemas/kubevirt-virtualmachine-crd-openapiv3.yaml", "openAPIV3Schema");

    static List<String> problems(JsonNode vm) {
        List<String> problems = new ArrayList<>(SCHEMA.violations(vm));
        problems.addAll(VmRules.violations(vm));
        return problems;
    }

    static Stream<LabPlan> labs() {
        return Stream.of(TestLabs.twoRouters(), TestLabs.pooled(), TestLabs.vendorRing(), TestLabs.stoppedVlan(),
                TestLabs.officeLan(null, null), TestLabs.officeLan(210, 211));
    }

    static Stream<Arguments> vms() {
        return labs().flatMap(lab -> lab.nodes().stream()
                .map(node -> Arguments.of(lab.labName() + "/" + node.name(), VirtualMachines.render(lab, node))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vms")
    void everyRenderedVmPassesSchemaStrictnessAndWebhookRules(String name, GenericKubernetesResource vm) {
        assertThat(problems(Serialization.jsonMapper().valueToTree(vm))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void vmsOfALabReferenceOnlyWhatTheLabRenders(LabPlan lab) {
        List<HasMetadata> objects = LabObjects.render(lab, lab.links().getFirst().vlan() == null
                ? Multus.driver("bridge") : Multus.driver("vlan"));
        Set<String> nads = names(LabObjects.ofKind(objects, "NetworkAttachmentDefinition"));
        Map<String, Secret> secrets = new HashMap<>();
        LabObjects.ofKind(objects, "Secret").forEach(s -> secrets.put(s.getMetadata().getName(), (Secret) s));
        Set<String> macs = new HashSet<>();
        Map<String, Integer> nadUses = new HashMap<>();
        for (HasMetadata vm : LabObjects.ofKind(objects, "VirtualMachine")) {
            JsonNode spec = Serialization.jsonMapper().<JsonNode>valueToTree(vm).path("spec").path("template").path("spec");
            for (JsonNode iface : spec.path("domain").path("devices").path("interfaces")) {
                if (iface.has("macAddress")) {
                    assertThat(macs.add(iface.get("macAddress").asString())).as("MAC unique in the lab: %s", iface).isTrue();
                }
            }
            for (JsonNode network : spec.path("networks")) {
                if (network.has("multus")) {
                    String nad = network.path("multus").path("networkName").asString();
                    assertThat(nads).as("NAD of %s", network).contains(nad);
                    nadUses.merge(nad, 1, Integer::sum);
                }
            }
            for (JsonNode volume : spec.path("volumes")) {
                for (String source : List.of("cloudInitNoCloud", "cloudInitConfigDrive")) {
                    if (volume.has(source)) {
                        JsonNode ci = volume.get(source);
                        assertThat(ci.has("userData") || ci.has("networkData")).as("no inline cloud-init").isFalse();
                        String secret = ci.path("secretRef").path("name").asString();
                        assertThat(ci.path("networkDataSecretRef").path("name").asString()).isEqualTo(secret);
                        assertThat(secrets).containsKey(secret);
                        assertThat(secrets.get(secret).getStringData())
                                .containsOnlyKeys(ConfigSecrets.USER_DATA, ConfigSecrets.NETWORK_DATA);
                    }
                }
            }
        }
        // a link joins exactly two interfaces, a segment exactly its members
        Map<String, Integer> members = new java.util.HashMap<>();
        lab.links().forEach(link -> members.put(link.nadName(), link.endpoints().size()));
        assertThat(nadUses).as("every link and segment joins exactly its endpoints").isEqualTo(members);
        assertThat(nadUses.keySet()).isEqualTo(nads);
    }

    static Stream<Arguments> brokenVms() {
        return Stream.of(
                broken("typo in a field name (strict pass)", vm -> {
                    ObjectNode nic = (ObjectNode) interfaces(vm).get(1);
                    nic.set("macAdress", nic.remove("macAddress"));
                }, "/spec/template/spec/domain/devices/interfaces/1/macAdress: unknown field"),
                broken("typo in an object name (strict pass)", vm -> {
                    ObjectNode spec = templateSpec(vm);
                    spec.set("netwroks", spec.get("networks"));
                }, "/spec/template/spec/netwroks: unknown field"),
                broken("wrong type (schema)", vm -> domain(vm).withObjectProperty("cpu").put("cores", "two"),
                        "cores"),
                broken("duplicate MAC", vm -> ((ObjectNode) interfaces(vm).get(2))
                        .put("macAddress", interfaces(vm).get(1).get("macAddress").asString()), "duplicate MAC"),
                broken("missing network", vm -> ((ArrayNode) templateSpec(vm).get("networks")).remove(2),
                        "no network of the same name"),
                broken("masquerade on a multus network", vm -> {
                    ObjectNode nic = (ObjectNode) interfaces(vm).get(1);
                    nic.remove("bridge");
                    nic.putObject("masquerade");
                }, "masquerade is only allowed on the pod network"),
                broken("two bindings", vm -> ((ObjectNode) interfaces(vm).get(1)).putObject("masquerade"),
                        "exactly one binding"),
                broken("unknown runStrategy", vm -> ((ObjectNode) vm.get("spec")).put("runStrategy", "Sometimes"),
                        "spec.runStrategy: not one of"),
                broken("running and runStrategy", vm -> ((ObjectNode) vm.get("spec")).put("running", true),
                        "mutually exclusive"),
                broken("multicast MAC", vm -> ((ObjectNode) interfaces(vm).get(1)).put("macAddress", "03:00:00:00:00:01"),
                        "multicast MAC"),
                broken("malformed MAC", vm -> ((ObjectNode) interfaces(vm).get(1)).put("macAddress", "02:00:00:00:01"),
                        "malformed MAC"),
                broken("unknown NIC model", vm -> ((ObjectNode) interfaces(vm).get(1)).put("model", "virtio-net"),
                        "unknown model"),
                broken("disk without volume", vm -> ((ArrayNode) templateSpec(vm).get("volumes")).remove(1),
                        "no volume of the same name"),
                broken("no memory", vm -> domain(vm).remove("memory"), "memory.guest"),
                broken("network name not a DNS label", vm -> {
                    ((ObjectNode) interfaces(vm).get(1)).put("name", "Ethernet1");
                    ((ObjectNode) templateSpec(vm).get("networks").get(1)).put("name", "Ethernet1");
                }, "not a DNS label"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenVms")
    void aBrokenVmIsRejected(String name, Consumer<ObjectNode> breakIt, String expected) {
        ObjectNode vm = ringRouter();
        assertThat(problems(vm)).as("the unbroken VM").isEmpty();
        breakIt.accept(vm);
        assertThat(problems(vm)).anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    /** r1 of the ring: mgmt + four lab NICs, ConfigDrive. */
    private static ObjectNode ringRouter() {
        LabPlan lab = TestLabs.vendorRing();
        NodePlan r1 = TestLabs.node(lab, "r1");
        return Serialization.jsonMapper().valueToTree(VirtualMachines.render(lab, r1));
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String expected) {
        return Arguments.of(name, breakIt, expected);
    }

    private static ObjectNode templateSpec(ObjectNode vm) {
        return (ObjectNode) vm.get("spec").get("template").get("spec");
    }

    private static ObjectNode domain(ObjectNode vm) {
        return (ObjectNode) templateSpec(vm).get("domain");
    }

    private static ArrayNode interfaces(ObjectNode vm) {
        return (ArrayNode) domain(vm).get("devices").get("interfaces");
    }

    private static Set<String> names(List<HasMetadata> objects) {
        Set<String> names = new HashSet<>();
        objects.forEach(o -> names.add(o.getMetadata().getName()));
        return names;
    }
}
