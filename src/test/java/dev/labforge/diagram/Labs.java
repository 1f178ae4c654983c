package dev.labforge.diagram;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Topologies the tests draw. */
final class Labs {

    private Labs() {
    }

    static Link link(String a, String b) {
        return Link.of(a, b);
    }

    static Link link(String a, String b, int mtu) {
        return new Link(Endpoint.parse(a), Endpoint.parse(b), mtu);
    }

    /**
     * Six routers running OSPF: a ring with a chord, a double link between r2 and r3, an interface loop on
     * r5, two MTUs and one link to a node that is not there.
     */
    static Topology ospf() {
        List<Node> nodes = List.of(Node.of("r1", "frr:10.2"), Node.of("r2", "frr:10.2"),
                Node.of("r3", "ceos:4.33.1F"), Node.of("r4", "ceos:4.33.1F"), Node.of("r5", "vr-sros:24.10"),
                Node.of("core-router-amsterdam", "xrd:24.4"));
        List<Link> links = List.of(
                link("r1:eth1", "r2:eth1"),
                link("r2:eth2", "r3:Ethernet1"),
                link("r2:eth3", "r3:Ethernet2", 9000),
                link("r3:Ethernet3", "r4:Ethernet1"),
                link("r4:Ethernet2", "r5:1/1/c1/1"),
                link("r5:1/1/c2/1", "core-router-amsterdam:Gi0/0/0/0", 1500),
                link("core-router-amsterdam:Gi0/0/0/1", "r1:eth2"),
                link("r1:eth3", "r4:Ethernet3"),
                link("r5:1/1/c3/1", "r5:1/1/c4/1"),
                link("r4:Ethernet4", "ghost:eth1"));
        return new Topology(nodes, links);
    }

    static Topology ring(int size) {
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(Node.of("r" + i, "frr"));
            links.add(link("r" + i + ":eth1", "r" + (i + 1) % size + ":eth2"));
        }
        return new Topology(nodes, links);
    }

    static Topology star(int spokes) {
        List<Node> nodes = new ArrayList<>(List.of(Node.of("hub", "frr")));
        List<Link> links = new ArrayList<>();
        for (int i = 1; i <= spokes; i++) {
            nodes.add(Node.of("spoke" + i, "frr"));
            links.add(link("hub:eth" + i, "spoke" + i + ":eth1"));
        }
        return new Topology(nodes, links);
    }

    static Topology fullMesh(int size) {
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            nodes.add(Node.of("r" + i, "frr"));
            for (int j = 1; j < i; j++) {
                links.add(link("r" + j + ":eth" + i, "r" + i + ":eth" + j));
            }
        }
        return new Topology(nodes, links);
    }

    static Topology spineLeaf(int spines, int leaves) {
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int s = 1; s <= spines; s++) {
            nodes.add(Node.of("spine" + s, "ceos"));
        }
        for (int l = 1; l <= leaves; l++) {
            nodes.add(Node.of("leaf" + l, "ceos"));
            for (int s = 1; s <= spines; s++) {
                links.add(link("spine" + s + ":Ethernet" + l, "leaf" + l + ":Ethernet" + s));
            }
        }
        return new Topology(nodes, links);
    }

    /** Links between random nodes, some of them self links, with a fixed seed. */
    static Topology random(int nodeCount, int linkCount, long seed) {
        Random random = new Random(seed);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(Node.of("n" + i, "frr"));
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < linkCount; i++) {
            links.add(link("n" + random.nextInt(nodeCount) + ":e" + i, "n" + random.nextInt(nodeCount) + ":f" + i));
        }
        return new Topology(nodes, links);
    }

    /** Borders over spines over leaves over servers; every leaf to every spine, servers dealt to leaves. */
    static Topology clos(int borders, int spines, int leaves, int servers) {
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int b = 1; b <= borders; b++) {
            nodes.add(Node.of("border" + b, "srlinux"));
            for (int s = 1; s <= spines; s++) {
                links.add(Link.of("border" + b + ":e1-" + s, "spine" + s + ":e1-" + (60 + b)));
            }
        }
        for (int s = 1; s <= spines; s++) {
            nodes.add(Node.of("spine" + s, "srlinux"));
        }
        for (int l = 1; l <= leaves; l++) {
            nodes.add(Node.of("leaf" + l, "srlinux"));
            for (int s = 1; s <= spines; s++) {
                links.add(Link.of("spine" + s + ":e1-" + l, "leaf" + l + ":e1-" + (48 + s)));
            }
        }
        for (int h = 1; h <= servers; h++) {
            int leaf = (h - 1) % leaves + 1;
            nodes.add(Node.of("server" + h, "alpine"));
            links.add(Link.of("leaf" + leaf + ":e1-" + ((h - 1) / leaves + 1), "server" + h + ":eth1"));
        }
        return new Topology(nodes, links);
    }
}
