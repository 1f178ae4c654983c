package dev.labforge.cluster.multus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.LinkPlan;
import dev.labforge.cluster.TestLabs;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LinkDriversTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LabPlan BRIDGED = TestLabs.twoRouters();
    private static final LinkPlan BRIDGE_LINK = BRIDGED.links().getFirst();
    private static final LabPlan VLANS = TestLabs.stoppedVlan();
    private static final LinkPlan VLAN_LINK = VLANS.links().getFirst();

    @Test
    void driversAreFoundByName() {
        assertThat(Multus.driver("bridge")).isInstanceOf(BridgeLinkDriver.class);
        assertThat(Multus.driver("vlan")).isInstanceOf(VlanLinkDriver.class);
        assertThatIllegalArgumentException().isThrownBy(() -> Multus.driver("macvlan"));
    }

    @Test
    void nadCoordinatesUseTheHyphenatedPlural() {
        assertThat(Multus.NAD.getGroup()).isEqualTo("k8s.cni.cncf.io");
        assertThat(Multus.NAD.getVersion()).isEqualTo("v1");
        assertThat(Multus.NAD.getPlural()).isEqualTo("network-attachment-definitions");
        assertThat(Multus.NAD.isNamespaceScoped()).isTrue();
    }

    @Test
    void bridgeDriverRendersOneBridgePerLink() {
        GenericKubernetesResource nad = new BridgeLinkDriver().render(BRIDGED, BRIDGE_LINK);

        assertThat(nad.getApiVersion()).isEqualTo("k8s.cni.cncf.io/v1");
        assertThat(nad.getKind()).isEqualTo("NetworkAttachmentDefinition");
        assertThat(nad.getMetadata().getName()).isEqualTo("l-7f3a9c-000");
        assertThat(nad.getMetadata().getNamespace()).isEqualTo("lab-7f3a9c");
        assertThat(nad.getMetadata().getLabels()).isEqualTo(ClusterLabels.link(BRIDGED, BRIDGE_LINK));
        assertThat(config(nad)).isEqualTo(JSON.readTree("""
                {"cniVersion":"0.3.1","name":"l-7f3a9c-000","type":"bridge","bridge":"nl7f3a9c000",
                 "mtu":1500,"ipam":{},"macspoofchk":false}"""));
    }

    @Test
    void vlanDriverPutsTheLinkOnItsVlanOfTheTrunk() {
        GenericKubernetesResource nad = new VlanLinkDriver().render(VLANS, VLAN_LINK);

        assertThat(config(nad)).isEqualTo(JSON.readTree("""
                {"cniVersion":"0.3.1","name":"l-c0ffee-000","type":"bridge","bridge":"br-labtrunk","vlan":101,
                 "mtu":1500,"ipam":{},"macspoofchk":false}"""));
    }

    @Test
    void configIsAJsonStringThatSurvivesAnyLinkName() {
        LinkPlan odd = new LinkPlan("l-\"quoted\"\\", "nl1", null, 1500, BRIDGE_LINK.endpoints());
        assertThat(config(new BridgeLinkDriver().render(BRIDGED, odd)).get("name").asString())
                .isEqualTo("l-\"quoted\"\\");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"nl0123456789abcd", "br.lab", "br lab", "br/lab", "brück", "br:0"})
    void badBridgeNamesAreRejected(String bridge) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BridgeLinkDriver().render(BRIDGED, TestLabs.withBridge(BRIDGE_LINK, bridge)))
                .withMessageContaining("bridge name");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new VlanLinkDriver().render(VLANS, TestLabs.withBridge(VLAN_LINK, bridge)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl0123456789abc", "br-labtrunk", "nl_1", "B"})
    void goodBridgeNamesAreAccepted(String bridge) {
        GenericKubernetesResource nad = new BridgeLinkDriver().render(BRIDGED, TestLabs.withBridge(BRIDGE_LINK, bridge));
        assertThat(config(nad).get("bridge").asString()).isEqualTo(bridge);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 4095, 65535})
    void vlanIdsOutside1To4094AreRejected(int vlan) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new VlanLinkDriver().render(VLANS, TestLabs.withVlan(VLAN_LINK, vlan)))
                .withMessageContaining("VLAN must be 1..4094");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4094})
    void vlanIdsAtTheEdgesAreAccepted(int vlan) {
        assertThat(config(new VlanLinkDriver().render(VLANS, TestLabs.withVlan(VLAN_LINK, vlan))).get("vlan").asInt())
                .isEqualTo(vlan);
    }

    @Test
    void vlanDriverNeedsAVlanAndBridgeDriverTakesNone() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new VlanLinkDriver().render(VLANS, TestLabs.withVlan(VLAN_LINK, null)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BridgeLinkDriver().render(BRIDGED, TestLabs.withVlan(BRIDGE_LINK, 7)))
                .withMessageContaining("takes no VLAN");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 67, 65536})
    void implausibleMtusAreRejected(int mtu) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BridgeLinkDriver().render(BRIDGED, TestLabs.withMtu(BRIDGE_LINK, mtu)))
                .withMessageContaining("MTU");
    }

    @Test
    void mtuIsAlwaysWritten() {
        assertThat(config(new BridgeLinkDriver().render(BRIDGED, TestLabs.withMtu(BRIDGE_LINK, 9000))).get("mtu").asInt())
                .isEqualTo(9000);
    }

    private static JsonNode config(GenericKubernetesResource nad) {
        return JSON.readTree((String) nad.get("spec", "config"));
    }
}
