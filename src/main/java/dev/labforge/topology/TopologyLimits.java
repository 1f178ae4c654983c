package dev.labforge.topology;

/**
 * Bounds an operator sets so that one lab cannot ask for more than the platform offers.
 *
 * @param maxStartupConfigBytes counted in UTF-8; the config travels in a Kubernetes Secret (1 MiB cap)
 */
public record TopologyLimits(int maxNodes, int maxLinks, int maxStartupConfigBytes,
                             int minCpu, int maxCpu, int minMemoryMib, int maxMemoryMib,
                             int minMtu, int maxMtu) {

    public static TopologyLimits defaults() {
        return new TopologyLimits(200, 1000, 256 * 1024, 1, 32, 256, 131072, 576, 9216);
    }
}
