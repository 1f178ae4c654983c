package dev.labforge.cluster.lifecycle;

import dev.labforge.cluster.status.NodeRuntime;
import dev.labforge.image.ImageCatalog;
import dev.labforge.image.RouterImage;
import dev.labforge.quota.Usage;
import dev.labforge.topology.Node;
import org.springframework.stereotype.Component;

/** What a running node holds: its vCPUs and memory, the image's defaults where the node sets none. */
@Component
class NodeResources {

    private final ImageCatalog catalog;

    NodeResources(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    Usage of(Node node) {
        RouterImage image = catalog.find(node.image()).orElse(null);
        int cpu = node.cpu() != null ? node.cpu() : image == null ? 1 : image.defaultCpu();
        int memory = node.memoryMib() != null ? node.memoryMib() : image == null ? 0 : image.defaultMemoryMib();
        return Usage.nodes(1, cpu, memory);
    }

    /** Marks the row as holding the node's resources. */
    void commit(NodeRuntime row, Node node) {
        Usage usage = of(node);
        row.holds((int) usage.vcpus(), usage.memoryMib());
    }
}
