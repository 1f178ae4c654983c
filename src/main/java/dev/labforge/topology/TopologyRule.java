package dev.labforge.topology;

import java.util.List;

/** One named rule a topology must satisfy. Rules only report; they never change the topology. */
interface TopologyRule {

    /** Stable name, reported with every violation (clients may act on it). */
    String name();

    void check(Topology topology, RuleContext context, List<Violation> out);

    default Violation violation(String pointer, String message) {
        return new Violation(pointer, name(), message);
    }

    static String nodePointer(int index, String field) {
        return "/nodes/" + index + "/" + field;
    }

    static String endpointPointer(int link, int end) {
        return "/links/" + link + "/endpoints/" + end;
    }
}
