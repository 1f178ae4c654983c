package dev.labforge.topology;

/** What rules may consult besides the topology itself. */
record RuleContext(ImageLookup images, TopologyLimits limits) {
}
