package dev.labforge.topology;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** CPU, memory and startup config size stay within the operator's bounds. */
final class NodeResourcesWithinLimits implements TopologyRule {

    @Override
    public String name() {
        return "node-resources";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        TopologyLimits limits = context.limits();
        for (int i = 0; i < topology.nodes().size(); i++) {
            Node node = topology.nodes().get(i);
            if (node.cpu() != null && (node.cpu() < limits.minCpu() || node.cpu() > limits.maxCpu())) {
                out.add(violation(TopologyRule.nodePointer(i, "cpu"),
                        "must be between " + limits.minCpu() + " and " + limits.maxCpu() + " cores"));
            }
            if (node.memoryMib() != null
                    && (node.memoryMib() < limits.minMemoryMib() || node.memoryMib() > limits.maxMemoryMib())) {
                out.add(violation(TopologyRule.nodePointer(i, "memoryMib"),
                        "must be between " + limits.minMemoryMib() + " and " + limits.maxMemoryMib() + " MiB"));
            }
            if (node.startupConfig() != null
                    && node.startupConfig().getBytes(StandardCharsets.UTF_8).length > limits.maxStartupConfigBytes()) {
                out.add(violation(TopologyRule.nodePointer(i, "startupConfig"),
                        "must be at most " + limits.maxStartupConfigBytes() + " bytes"));
            }
        }
    }
}
