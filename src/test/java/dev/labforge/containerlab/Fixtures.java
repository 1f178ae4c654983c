package dev.labforge.containerlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real containerlab files under src/test/resources/containerlab/fixtures. */
final class Fixtures {

    static final List<String> NAMES = List.of(
            "frr01.clab.yml", "sros4.clab.yml", "sros-srl.clab.yml", "vxlan-sros.clab.yml",
            "linux-nodes.clab.yml", "basic-groups.clab.yaml", "st.clab.yml", "cfg-clos.clab.yml",
            "br01.clab.yml", "clos01.clab.yml", "clos02.clab.yml", "srl02.clab.yml", "srlfrr01.clab.yml",
            "srl-quickstart-srl02.clab.yml", "k8s_kind01.clab.yml", "vr05-vr01.clab.yml", "srlceos01.clab.yml",
            "linux-nodes-to-bridge-and-host.clab.yml", "macvlan.clab.yml", "ext-container.clab.yml", "iol.clab.yml",
            "vxlan.clab.yml", "srsim-comp.clab.yml", "shared-namespace.clab.yaml");

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/containerlab/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
