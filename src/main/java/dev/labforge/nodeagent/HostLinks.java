package dev.labforge.nodeagent;

import java.util.List;

/** The node's bridges, as the agent sees and changes them. */
interface HostLinks {

    List<HostBridge> bridges();

    /** Removes the bridge; fails if the name is no bridge, or a bridge with ports, by now. */
    void delete(String bridge);
}
