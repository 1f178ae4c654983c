package dev.labforge.cluster.plan;

import dev.labforge.cluster.ClusterProperties;
import dev.labforge.image.ImageCatalog;
import dev.labforge.image.ReadinessProbe;
import dev.labforge.image.RouterImage;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabPlacement;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Resolves a lab definition into a {@link LabPlan}: catalog defaults applied, link names and MACs
 * derived deterministically, bridges and VLANs taken from the database.
 */
@Component
public class LabPlanner {

    private final ImageCatalog catalog;
    private final LinkAllocations allocations;
    private final ClusterProperties properties;
    private final List<LabPlacement> placements;

    LabPlanner(ImageCatalog catalog, LinkAllocations allocations, ClusterProperties properties) {
        this(catalog, allocations, properties, List.of());
    }

    @Autowired
    LabPlanner(ImageCatalog catalog, LinkAllocations allocations, ClusterProperties properties,
               List<LabPlacement> placements) {
        this.catalog = catalog;
        this.allocations = allocations;
        this.properties = properties;
        this.placements = placements;
    }

    public static String namespaceOf(UUID labId) {
        return "lab-" + labId.toString().replace("-", "").substring(0, 16);
    }

    /** A link's name depends only on the two endpoints it joins, so edits elsewhere leave it alone. */
    static String nadName(Link link) {
        String a = link.a().toString();
        String b = link.b().toString();
        String key = a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
        return "link-" + Macs.sha256(key).substring(0, 12);
    }

    /**
     * A segment's name depends only on the segment's own name: members join and leave without a new NAD. The prefix
     * differs from links', so a segment never takes a link's name.
     */
    static String nadName(Segment segment) {
        return "lan-" + Macs.sha256("segment|" + segment.name()).substring(0, 12);
    }

    public LabPlan plan(LabDefinition lab, DesiredRun desired, Map<String, Boolean> nodeRuns) {
        List<Link> links = lab.topology().links();
        List<Segment> segments = lab.topology().segments();
        List<String> nadNames = new ArrayList<>(links.stream().map(LabPlanner::nadName).toList());
        segments.forEach(segment -> nadNames.add(nadName(segment)));
        boolean vlanDriver = properties.linkDriver().equals("vlan");
        Map<String, String> bridges = vlanDriver ? Map.of() : allocations.bridges(lab.id(), nadNames);
        Map<String, Integer> vlans = vlanDriver ? allocations.vlans(lab.id(), nadNames, properties.vlanDomain(),
                properties.vlanMin(), properties.vlanMax()) : Map.of();
        List<LinkPlan> linkPlans = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            String nad = nadNames.get(i);
            String bridge = vlanDriver ? properties.trunkBridge() : bridges.get(nad);
            int mtu = link.mtu() == null ? properties.defaultMtu() : link.mtu();
            linkPlans.add(new LinkPlan(nad, bridge, vlans.get(nad), mtu, link.a(), link.b()));
        }
        for (int i = 0; i < segments.size(); i++) {
            // one NAD, so one bridge or one VLAN, for every member: that is what makes it one broadcast domain
            Segment segment = segments.get(i);
            String nad = nadNames.get(links.size() + i);
            String bridge = vlanDriver ? properties.trunkBridge() : bridges.get(nad);
            int mtu = segment.mtu() == null ? properties.defaultMtu() : segment.mtu();
            linkPlans.add(new LinkPlan(nad, bridge, vlans.get(nad), mtu, segment.endpoints()));
        }
        List<NodePlan> nodes = new ArrayList<>();
        for (Node node : lab.topology().nodes()) {
            // a node runs only once committed against its owner's quota, which writes its row
            boolean running = desired == DesiredRun.RUNNING && nodeRuns.getOrDefault(node.name(), false);
            nodes.add(node(lab.id(), node, running, linkPlans));
        }
        Map<String, String> selector = new java.util.TreeMap<>(); // sorted: the rendered VM is deterministic
        placements.forEach(placement -> selector.putAll(placement.nodeSelector(lab.id())));
        return new LabPlan(lab.id(), lab.name(), namespaceOf(lab.id()), lab.version(), nodes, linkPlans, selector);
    }

    /**
     * Gives back what a torn-down lab's links held that another lab may take (VLAN ids, whichever driver runs now: it
     * may have changed); bridge names stay, since they are never reused.
     */
    public void releaseLinks(UUID labId) {
        allocations.releaseVlans(labId);
    }

    private NodePlan node(UUID labId, Node node, boolean running, List<LinkPlan> links) {
        RouterImage image = catalog.find(node.image())
                .orElseThrow(() -> new IllegalStateException("image " + node.image() + " left the catalog"));
        record End(String iface, String nad) {
        }
        List<End> ends = new ArrayList<>();
        for (LinkPlan link : links) {
            for (Endpoint end : link.endpoints()) {
                if (end.node().equals(node.name())) {
                    ends.add(new End(end.iface(), link.nadName()));
                }
            }
        }
        ends.sort(Comparator.comparingInt((End e) -> image.interfaces().portNumber(e.iface()).orElse(0))
                .thenComparing(End::iface));
        Set<String> taken = new HashSet<>(Set.of("mgmt"));
        List<NicPlan> nics = new ArrayList<>();
        for (End end : ends) {
            nics.add(new NicPlan(end.iface(), networkName(end.iface(), taken), end.nad(),
                    Macs.of(labId, node.name(), end.iface())));
        }
        int cpu = node.cpu() == null ? image.defaultCpu() : node.cpu();
        int memory = node.memoryMib() == null ? image.defaultMemoryMib() : node.memoryMib();
        return new NodePlan(node.name(), node.name(), image.containerDisk(), image.nicModel().kubevirtName(),
                image.configDelivery(), cpu, memory, node.startupConfig(), running, nics,
                image.readinessProbe() == ReadinessProbe.TCP ? image.readinessPort() : null);
    }

    /** KubeVirt network names are DNS labels, unique in the VM; vendor names (Ethernet1/1) are not. */
    static String networkName(String iface, Set<String> taken) {
        String base = iface.toLowerCase().replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "nic";
        }
        base = base.length() > 56 ? base.substring(0, 56) : base;
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
