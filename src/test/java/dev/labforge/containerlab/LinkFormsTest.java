package dev.labforge.containerlab;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The brief and veth link forms, and the link types LabForge cannot carry. */
class LinkFormsTest {

    private static ContainerlabImport links(String links) {
        return new ContainerlabImporter().read("""
                name: links
                topology:
                  nodes:
                    r1: {kind: nokia_srlinux}
                    r2: {kind: nokia_srlinux}
                  links:
                %s
                """.formatted(links.indent(4)), TestCatalog.VIEW);
    }

    private static List<String> warned(ContainerlabImport imported) {
        return imported.warnings().stream().map(ImportWarning::pointer).toList();
    }

    @Test
    void briefFormWithAndWithoutMtu() {
        ContainerlabImport imported = links("""
                - endpoints: ["r1:eth1", "r2:eth1"]
                - endpoints: [r1:eth2, r2:eth2]
                  mtu: 9000
                """);

        assertThat(imported.topology().links()).containsExactly(
                Link.of("r1:eth1", "r2:eth1"),
                new Link(Endpoint.parse("r1:eth2"), Endpoint.parse("r2:eth2"), 9000));
        assertThat(imported.warnings()).isEmpty();
    }

    @Test
    void vethFormReportsAddressesMacsAndVars() {
        ContainerlabImport imported = links("""
                - type: veth
                  mtu: 1500
                  labels: {colour: red}
                  vars: {a: 1}
                  endpoints:
                    - {node: r1, interface: eth1, mac: "02:00:00:00:00:01", ipv4: 10.0.0.1/31}
                    - {node: r2, interface: eth1, vars: {b: 2}, vlan: 10}
                """);

        assertThat(imported.topology().links())
                .containsExactly(new Link(Endpoint.parse("r1:eth1"), Endpoint.parse("r2:eth1"), 1500));
        assertThat(warned(imported)).containsExactly(
                "/topology/links/0/labels", "/topology/links/0/vars",
                "/topology/links/0/endpoints/0/mac", "/topology/links/0/endpoints/0/ipv4",
                "/topology/links/0/endpoints/1/vars", "/topology/links/0/endpoints/1/vlan");
        assertThat(imported.warnings().getLast().message()).contains("unknown field 'vlan'");
    }

    @Test
    void briefFormReportsAddressesVarsAndUnknownFields() {
        ContainerlabImport imported = links("""
                - endpoints: ["r1:eth1", "r2:eth1"]
                  ipv4: [10.0.0.0/31, 10.0.0.1/31]
                  ipv6: ["2001:db8::/127", "2001:db8::1/127"]
                  vars: {x: 1}
                  speed: 10G
                """);

        assertThat(imported.topology().links()).hasSize(1);
        assertThat(warned(imported)).containsExactly("/topology/links/0/ipv4", "/topology/links/0/ipv6",
                "/topology/links/0/vars", "/topology/links/0/speed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"host", "mgmt-net", "macvlan", "vxlan", "vxlan-stitch", "veth-stitch", "dummy", "gre"})
    void linksOfOtherTypesAreSkippedAtTheirPointer(String type) {
        ContainerlabImport imported = links("""
                - type: %s
                  endpoint: {node: r1, interface: eth9}
                  host-interface: r1-eth9
                - endpoints: ["r1:eth1", "r2:eth1"]
                """.formatted(type));

        assertThat(imported.topology().links()).containsExactly(Link.of("r1:eth1", "r2:eth1"));
        assertThat(warned(imported)).containsExactly("/topology/links/0");
        assertThat(imported.warnings().getFirst().message()).contains("'" + type + "'");
        assertThat(imported.pointers().toYaml("/links/0/endpoints/1")).isEqualTo("/topology/links/1/endpoints/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"host:r1-eth1", "mgmt-net:r1-eth1", "macvlan:enp0s3"})
    void briefLinksToTheContainerHostAreSkipped(String hostSide) {
        ContainerlabImport imported = links("- endpoints: [\"r1:eth1\", \"%s\"]".formatted(hostSide));

        assertThat(imported.topology().links()).isEmpty();
        assertThat(warned(imported)).containsExactly("/topology/links/0");
    }

    @Test
    void malformedEndpointsAreKeptForTheValidator() {
        ContainerlabImport imported = links("""
                - endpoints: ["r1eth1", "r2:eth1:x"]
                - type: veth
                  endpoints: [{node: r1}, {interface: eth3}]
                """);

        assertThat(imported.topology().links()).containsExactly(
                new Link(new Endpoint("r1eth1", ""), new Endpoint("r2", "eth1:x"), null),
                new Link(new Endpoint("r1", ""), new Endpoint("", "eth3"), null));
    }

    @Test
    void linkOrderFollowsTheFile() {
        ContainerlabImport imported = links("""
                - endpoints: ["r2:eth3", "r1:eth3"]
                - endpoints: ["r1:eth1", "r2:eth1"]
                - endpoints: ["r1:eth2", "r2:eth2"]
                """);

        assertThat(imported.topology().links()).extracting(link -> link.a().toString())
                .containsExactly("r2:eth3", "r1:eth1", "r1:eth2");
    }
}
