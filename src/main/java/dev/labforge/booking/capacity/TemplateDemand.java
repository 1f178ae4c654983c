package dev.labforge.booking.capacity;

import dev.labforge.image.ImageCatalog;
import dev.labforge.image.RouterImage;
import dev.labforge.topology.Node;
import dev.labforge.topology.Topology;
import org.springframework.stereotype.Component;

/**
 * What one run of a lab takes from a pool: every node's vCPUs and memory (the image's defaults where
 * the node sets none, as the cluster counts them) and one router VM per node.
 */
@Component
public class TemplateDemand {

    private final ImageCatalog catalog;

    TemplateDemand(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    public Demand of(Topology topology) {
        Demand total = Demand.NONE;
        for (Node node : topology.nodes()) {
            RouterImage image = catalog.find(node.image()).orElse(null);
            long cpu = node.cpu() != null ? node.cpu() : image == null ? 1 : image.defaultCpu();
            long memory = node.memoryMib() != null ? node.memoryMib() : image == null ? 0 : image.defaultMemoryMib();
            total = total.plus(new Demand(cpu, memory, 1));
        }
        return total;
    }
}
