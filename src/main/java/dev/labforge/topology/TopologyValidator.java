package dev.labforge.topology;

import java.util.ArrayList;
import java.util.List;

/** Runs every topology rule and collects all violations, so a client fixes everything in one go. */
public final class TopologyValidator {

    private static final List<TopologyRule> RULES = List.of(
            new LabSizeWithinLimits(),
            new NodeNamesAreDnsLabels(),
            new NodeNamesAreUnique(),
            new ImagesAreInCatalog(),
            new NodeResourcesWithinLimits(),
            new SegmentNamesAreValid(),
            new EndpointsAreWellFormed(),
            new EndpointsNameExistingNodes(),
            new InterfacesMatchImage(),
            new LinksAreNotLoops(),
            new InterfacesUsedOnce(),
            new LinkMtuWithinLimits());

    private final TopologyLimits limits;

    public TopologyValidator(TopologyLimits limits) {
        this.limits = limits;
    }

    public List<Violation> validate(Topology topology, ImageLookup images) {
        RuleContext context = new RuleContext(images, limits);
        List<Violation> out = new ArrayList<>();
        for (TopologyRule rule : RULES) {
            rule.check(topology, context, out);
        }
        return List.copyOf(out);
    }

    public static List<String> ruleNames() {
        return RULES.stream().map(TopologyRule::name).toList();
    }
}
