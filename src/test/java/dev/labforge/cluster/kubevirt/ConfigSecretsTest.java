package dev.labforge.cluster.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.Macs;
import dev.labforge.cluster.plan.NicPlan;
import dev.labforge.cluster.plan.NodePlan;
import dev.labforge.cluster.TestLabs;
import dev.labforge.image.ConfigDelivery;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ConfigSecretsTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LabPlan FRR = TestLabs.twoRouters();
    private static final NodePlan R1 = TestLabs.node(FRR, "r1");
    private static final LabPlan RING = TestLabs.vendorRing();

    @Test
    void noSecretWhenTheImageTakesNoConfig() {
        assertThat(ConfigSecrets.render(FRR, TestLabs.withDelivery(R1, ConfigDelivery.NONE))).isNull();
    }

    @Test
    void theSecretIsNamedAfterTheVmAndCarriesTheKeysKubevirtReads() {
        Secret secret = ConfigSecrets.render(FRR, R1);

        assertThat(secret.getMetadata().getName()).isEqualTo("r1-config").isEqualTo(ConfigSecrets.name(R1));
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("lab-7f3a9c");
        assertThat(secret.getMetadata().getLabels()).isEqualTo(ClusterLabels.config(FRR, R1));
        assertThat(secret.getType()).isEqualTo("Opaque");
        assertThat(secret.getStringData()).containsOnlyKeys("userdata", "networkdata");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hostname r1\n",
        "no trailing newline",
        "   leading spaces\nhostname r1\n",
        "trailing spaces   \n\tand a tab\n",
        "quotes \" and ' and \\ backslash\n",
        "key: value\n- dash\n# hash\n---\n...\n",
        "yes",
        "0600",
        "windows\r\nline endings\r\n",
        "unicode: ü → 🚀\n",
        "\n\nblank lines first and last\n\n\n"})
    void noCloudWritesTheStartupConfigVerbatim(String config) {
        String userData = ConfigSecrets.render(FRR, TestLabs.withStartupConfig(R1, config)).getStringData().get("userdata");

        assertThat(userData).startsWith("#cloud-config\n");
        JsonNode file = YAML.readTree(userData).get("write_files").get(0);
        assertThat(file.get("path").asString()).isEqualTo("/etc/labforge/startup-config");
        assertThat(file.get("permissions").asString()).isEqualTo("0600");
        assertThat(file.get("content").asString()).isEqualTo(config);
    }

    @Test
    void noCloudWithoutConfigIsTheBareHeader() {
        Secret secret = ConfigSecrets.render(FRR, TestLabs.withStartupConfig(R1, null));
        assertThat(secret.getStringData().get("userdata")).isEqualTo("#cloud-config\n");
    }

    @Test
    void noCloudNetworkDataPinsLinuxNamesByMac() {
        NodePlan node = TestLabs.withNics(R1, List.of(
                new NicPlan("eth1", "eth1", "l-1", "02:00:00:00:00:01"),
                new NicPlan("Ethernet1/1", "ethernet1-1", "l-2", "02:00:00:00:00:02"),
                new NicPlan("a-very-long-name", "a-very-long-name", "l-3", "02:00:00:00:00:03"),
                new NicPlan("swp1", "swp1", "l-4", "02:00:00:00:00:04")));
        String networkData = ConfigSecrets.render(FRR, node).getStringData().get("networkdata");
        JsonNode netplan = YAML.readTree(networkData);

        assertThat(netplan.get("version").asInt()).isEqualTo(2);
        assertThat(netplan.get("ethernets").propertyNames()).containsExactly("mgmt", "eth1", "swp1");
        assertThat(netplan.get("ethernets").get("mgmt").get("dhcp4").asBoolean()).isTrue();
        assertThat(netplan.get("ethernets").get("mgmt").get("match").get("macaddress").asString())
                .isEqualTo(Macs.management(FRR.labId(), node.name()));
        assertThat(netplan.get("ethernets").get("swp1")).isEqualTo(YAML.readTree("""
                match: {macaddress: "02:00:00:00:00:04"}
                set-name: swp1
                """));
        // quoted: PyYAML (YAML 1.1) would read an unquoted all-digit MAC as a base-60 integer
        assertThat(networkData).contains("macaddress: \"02:00:00:00:00:01\"");
    }

    @Test
    void noCloudNetworkDataIsEmptyWhenNoNameCanBePinned() {
        LabPlan lab = TestLabs.stoppedVlan();
        assertThat(ConfigSecrets.render(lab, TestLabs.node(lab, "xr1")).getStringData().get("networkdata")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eth1", "Ethernet1", "e1-1", "swp10", "a23456789012345", "ge-0.0.0"})
    void linuxCarriesTheseNames(String name) {
        assertThat(LinuxInterfaceNames.valid(name)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Ethernet1/1", "a234567890123456", "eth 1", "eth:1", ".", "..", "ethü12345678901"})
    void linuxCannotCarryThese(String name) {
        assertThat(LinuxInterfaceNames.valid(name)).isFalse();
    }

    @Test
    void configDriveUserDataIsTheRawStartupConfig() {
        NodePlan r1 = TestLabs.node(RING, "r1");
        assertThat(ConfigSecrets.render(RING, r1).getStringData().get("userdata")).isEqualTo(r1.startupConfig());
        assertThat(ConfigSecrets.render(RING, TestLabs.node(RING, "r4")).getStringData().get("userdata")).isEmpty();
    }

    @Test
    void configDriveNetworkDataListsEveryNicAsAPhysicalLink() {
        NodePlan r1 = TestLabs.node(RING, "r1");
        JsonNode networkData = JSON.readTree(ConfigSecrets.render(RING, r1).getStringData().get("networkdata"));

        assertThat(networkData.get("links")).hasSize(4);
        for (int i = 0; i < r1.nics().size(); i++) {
            NicPlan nic = r1.nics().get(i);
            assertThat(networkData.get("links").get(i)).isEqualTo(JSON.valueToTree(Map.of(
                    "id", nic.iface(), "type", "phy", "ethernet_mac_address", nic.mac())));
        }
        assertThat(networkData.get("networks")).isEmpty();
        assertThat(networkData.get("services")).isEmpty();
    }
}
