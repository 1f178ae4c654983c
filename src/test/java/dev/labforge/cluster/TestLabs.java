package dev.labforge.cluster;

import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.LinkPlan;
import dev.labforge.cluster.plan.NicPlan;
import dev.labforge.cluster.plan.NodePlan;
import dev.labforge.image.ConfigDelivery;
import dev.labforge.topology.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Representative lab plans, built the way the planner builds them (names, MACs, bridges), and plan edits. */
public final class TestLabs {

    private TestLabs() {
    }

    /** Two FRR routers, one link, NoCloud, running, bridge driver. */
    public static LabPlan twoRouters() {
        return new Builder("7f3a9c00-0000-4000-8000-000000000001", "two-routers", "registry.example.com/labforge/frr:10.2",
                "virtio", ConfigDelivery.NOCLOUD, 22)
                .node("r1", 1, 1024, "hostname r1\ninterface eth1\n ip address 10.0.0.1/31\n")
                .node("r2", 1, 1024, "hostname r2\ninterface eth1\n ip address 10.0.0.0/31\n")
                .link("r1:eth1", "r2:eth1", null, 1500)
                .build(true);
    }

    /**
     * Four vendor routers in a ring (Ethernet{n} port names, e1000 NICs, ConfigDrive), plus a self-link between
     * two ports of r1; r4 has no startup config.
     */
    public static LabPlan vendorRing() {
        String config = "hostname %s\n!\ninterface Ethernet1\n   no switchport\n";
        return new Builder("b2e4d100-0000-4000-8000-000000000002", "vendor-ring", "registry.example.com/labforge/veos:4.33",
                "e1000", ConfigDelivery.CONFIG_DRIVE, 830)
                .node("r1", 2, 4096, config.formatted("r1"))
                .node("r2", 2, 4096, config.formatted("r2"))
                .node("r3", 2, 4096, config.formatted("r3"))
                .node("r4", 2, 4096, null)
                .link("r1:Ethernet1", "r2:Ethernet2", null, 1500)
                .link("r2:Ethernet1", "r3:Ethernet2", null, 1500)
                .link("r3:Ethernet1", "r4:Ethernet2", null, 1500)
                .link("r4:Ethernet1", "r1:Ethernet2", null, 1500)
                .link("r1:Ethernet3", "r1:Ethernet4", null, 9000)
                .build(true);
    }

    /**
     * A stopped lab on the VLAN driver: an IOS-XR-like node (names Linux cannot carry), a NoCloud FRR node without
     * readiness port, and a Linux host that takes no config.
     */
    public static LabPlan stoppedVlan() {
        return new Builder("c0ffee00-0000-4000-8000-000000000003", "stopped-vlan", "registry.example.com/labforge/frr:10.2",
                "virtio", ConfigDelivery.NOCLOUD, null)
                .node("xr1", 4, 8192, "hostname xr1\n", "registry.example.com/labforge/xrv9k:24.1", ConfigDelivery.NOCLOUD, 22)
                .node("r3", 1, 512, "hostname r3\n")
                .node("c1", 1, 256, null, "registry.example.com/labforge/alpine:3.20", ConfigDelivery.NONE, null)
                .link("xr1:GigabitEthernet0/0/0/0", "r3:eth1", 101, 1500)
                .link("r3:eth2", "c1:eth1", 102, 1500)
                .build(false);
    }

    /**
     * An office LAN: three routers and a host on one shared segment (an OSPF broadcast network), beside a
     * point-to-point uplink between two of the routers. {@code vlan} picks the driver: null for bridge, else the
     * segment's and the link's VLAN ids.
     */
    public static LabPlan officeLan(Integer segmentVlan, Integer linkVlan) {
        String id = segmentVlan == null ? "5e9a0000-0000-4000-8000-000000000004" : "5e9a0000-0000-4000-8000-000000000005";
        return new Builder(id, segmentVlan == null ? "office-lan" : "office-lan-vlan",
                "registry.example.com/labforge/frr:10.2", "virtio", ConfigDelivery.NOCLOUD, 22)
                .node("r1", 1, 1024, "hostname r1\n")
                .node("r2", 1, 1024, "hostname r2\n")
                .node("r3", 1, 1024, null)
                .node("h1", 1, 256, null, "registry.example.com/labforge/alpine:3.20", ConfigDelivery.NONE, null)
                .link("r1:eth1", "r2:eth1", linkVlan, 1500)
                .segment("lan", segmentVlan, 1500, "r1:eth2", "r2:eth2", "r3:eth1", "h1:eth1")
                .build(segmentVlan == null);
    }

    public static LabPlan withNode(LabPlan lab, String name, UnaryOperator<NodePlan> edit) {
        return new LabPlan(lab.labId(), lab.labName(), lab.namespace(), lab.specVersion(),
                lab.nodes().stream().map(n -> n.name().equals(name) ? edit.apply(n) : n).toList(), lab.links());
    }

    public static LabPlan withLink(LabPlan lab, String nadName, UnaryOperator<LinkPlan> edit) {
        return new LabPlan(lab.labId(), lab.labName(), lab.namespace(), lab.specVersion(), lab.nodes(),
                lab.links().stream().map(l -> l.nadName().equals(nadName) ? edit.apply(l) : l).toList());
    }

    /** The two-router lab as a capacity pool with a node selector places it. */
    public static LabPlan pooled() {
        LabPlan lab = twoRouters();
        return new LabPlan(lab.labId(), lab.labName(), lab.namespace(), lab.specVersion(), lab.nodes(), lab.links(),
                java.util.Map.of("labforge.dev/pool", "classroom", "kubernetes.io/arch", "amd64"));
    }

    public static LabPlan withSpecVersion(LabPlan lab, long specVersion) {
        return new LabPlan(lab.labId(), lab.labName(), lab.namespace(), specVersion, lab.nodes(), lab.links());
    }

    public static NodePlan withCpu(NodePlan n, int cpu) {
        return new NodePlan(n.name(), n.vmName(), n.containerDisk(), n.nicModel(), n.configDelivery(), cpu,
                n.memoryMib(), n.startupConfig(), n.running(), n.nics(), n.readinessPort());
    }

    public static NodePlan withRunning(NodePlan n, boolean running) {
        return new NodePlan(n.name(), n.vmName(), n.containerDisk(), n.nicModel(), n.configDelivery(), n.cpu(),
                n.memoryMib(), n.startupConfig(), running, n.nics(), n.readinessPort());
    }

    public static NodePlan withStartupConfig(NodePlan n, String config) {
        return new NodePlan(n.name(), n.vmName(), n.containerDisk(), n.nicModel(), n.configDelivery(), n.cpu(),
                n.memoryMib(), config, n.running(), n.nics(), n.readinessPort());
    }

    public static NodePlan withDelivery(NodePlan n, ConfigDelivery delivery) {
        return new NodePlan(n.name(), n.vmName(), n.containerDisk(), n.nicModel(), delivery, n.cpu(),
                n.memoryMib(), n.startupConfig(), n.running(), n.nics(), n.readinessPort());
    }

    public static NodePlan withNics(NodePlan n, List<NicPlan> nics) {
        return new NodePlan(n.name(), n.vmName(), n.containerDisk(), n.nicModel(), n.configDelivery(), n.cpu(),
                n.memoryMib(), n.startupConfig(), n.running(), nics, n.readinessPort());
    }

    public static LinkPlan withMtu(LinkPlan l, int mtu) {
        return new LinkPlan(l.nadName(), l.bridge(), l.vlan(), mtu, l.endpoints());
    }

    public static LinkPlan withBridge(LinkPlan l, String bridge) {
        return new LinkPlan(l.nadName(), bridge, l.vlan(), l.mtu(), l.endpoints());
    }

    public static LinkPlan withVlan(LinkPlan l, Integer vlan) {
        return new LinkPlan(l.nadName(), l.bridge(), vlan, l.mtu(), l.endpoints());
    }

    public static NodePlan node(LabPlan lab, String name) {
        return lab.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    /** Mimics the planner: lab6 from the lab id, NAD l-<lab6>-<idx>, bridges nl<lab6><idx>, MAC 02:<lab>:<node>:<port>. */
    private static final class Builder {
        private record NodeSpec(String name, int cpu, int memoryMib, String config, String image,
                                ConfigDelivery delivery, Integer readiness) {
        }

        private final UUID labId;
        private final String labName;
        private final String image;
        private final String nicModel;
        private final ConfigDelivery delivery;
        private final Integer readiness;
        private final String lab6;
        private final List<NodeSpec> nodes = new ArrayList<>();
        private final Map<String, List<NicPlan>> nics = new LinkedHashMap<>();
        private final List<LinkPlan> links = new ArrayList<>();

        Builder(String labId, String labName, String image, String nicModel, ConfigDelivery delivery, Integer readiness) {
            this.labId = UUID.fromString(labId);
            this.labName = labName;
            this.image = image;
            this.nicModel = nicModel;
            this.delivery = delivery;
            this.readiness = readiness;
            this.lab6 = labId.substring(0, 6);
        }

        Builder node(String name, int cpu, int memoryMib, String config) {
            return node(name, cpu, memoryMib, config, image, delivery, readiness);
        }

        Builder node(String name, int cpu, int memoryMib, String config, String nodeImage, ConfigDelivery nodeDelivery,
                     Integer nodeReadiness) {
            nodes.add(new NodeSpec(name, cpu, memoryMib, config, nodeImage, nodeDelivery, nodeReadiness));
            nics.put(name, new ArrayList<>());
            return this;
        }

        Builder link(String a, String b, Integer vlan, int mtu) {
            String index = "%03d".formatted(links.size());
            String nadName = "l-" + lab6 + "-" + index;
            String bridge = vlan == null ? "nl" + lab6 + index : "br-labtrunk";
            Endpoint ea = Endpoint.parse(a);
            Endpoint eb = Endpoint.parse(b);
            links.add(new LinkPlan(nadName, bridge, vlan, mtu, ea, eb));
            nic(ea, nadName);
            nic(eb, nadName);
            return this;
        }

        /** A shared segment: one NAD (one bridge, or one VLAN) that every member's NIC plugs into. */
        Builder segment(String name, Integer vlan, int mtu, String... members) {
            String nadName = "lan-" + lab6 + "-" + name;
            String bridge = vlan == null ? "nl" + lab6 + name : "br-labtrunk";
            List<Endpoint> ends = java.util.Arrays.stream(members).map(Endpoint::parse).toList();
            links.add(new LinkPlan(nadName, bridge, vlan, mtu, ends));
            ends.forEach(end -> nic(end, nadName));
            return this;
        }

        private void nic(Endpoint end, String nadName) {
            List<NicPlan> list = nics.get(end.node());
            int nodeIndex = new ArrayList<>(nics.keySet()).indexOf(end.node()) + 1;
            String mac = "02:%s:%s:%02x:00:%02x".formatted(lab6.substring(0, 2), lab6.substring(2, 4), nodeIndex,
                    list.size() + 1);
            String networkName = end.iface().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            list.add(new NicPlan(end.iface(), networkName, nadName, mac));
        }

        LabPlan build(boolean running) {
            List<NodePlan> plans = nodes.stream()
                    .map(n -> new NodePlan(n.name(), n.name(), n.image(), nicModel, n.delivery(), n.cpu(), n.memoryMib(),
                            n.config(), running, sorted(nics.get(n.name())), n.readiness()))
                    .toList();
            return new LabPlan(labId, labName, "lab-" + lab6, 3, plans, links);
        }

        /** Interface order = port order (Ethernet1 before Ethernet2), as the planner does. */
        private static List<NicPlan> sorted(List<NicPlan> list) {
            return list.stream().sorted(java.util.Comparator.comparing(NicPlan::iface)).toList();
        }
    }
}
