package dev.labforge.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterfaceNamingTest {

    @ParameterizedTest(name = "{0} first={1} max={2}: {3} -> {4}")
    @CsvSource({
            "eth{n},         1, 8,  eth1,          true",
            "eth{n},         1, 8,  eth8,          true",
            "eth{n},         1, 8,  eth9,          false",
            "eth{n},         1, 8,  eth0,          false",
            "eth{n},         0, 2,  eth0,          true",
            "Ethernet1/{n},  1, 48, Ethernet1/48,  true",
            "Ethernet1/{n},  1, 48, Ethernet2/1,   false",
            "ge-0/0/{n},     0, 10, ge-0/0/9,      true",
            "ge-0/0/{n},     0, 10, ge-0/0/x,      false",
            "eth{n}.0,       1, 4,  eth2.0,        true",
            "eth{n}.0,       1, 4,  eth2,          false",
            "e{n},           1, 4,  e1+,           false"})
    void decidesWhatIsADataPort(String pattern, int first, int max, String iface, boolean dataPort) {
        assertThat(new InterfaceNaming(pattern, first, max).isDataPort(iface)).isEqualTo(dataPort);
    }

    @ParameterizedTest
    @CsvSource({"eth", "eth{n}{n}", "''"})
    void refusesPatternsWithoutExactlyOnePlaceholder(String pattern) {
        assertThat(InterfaceNaming.validPattern(pattern)).isFalse();
        assertThatThrownBy(() -> new InterfaceNaming(pattern, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"r1:eth1, r1, eth1, true", "r1, r1, '', false", ":eth1, '', eth1, false", "r1:a:b, r1, a:b, false"})
    void parsesEndpoints(String text, String node, String iface, boolean wellFormed) {
        Endpoint endpoint = Endpoint.parse(text);
        assertThat(endpoint.node()).isEqualTo(node);
        assertThat(endpoint.iface()).isEqualTo(iface);
        assertThat(endpoint.wellFormed()).isEqualTo(wellFormed);
    }
}
