package dev.labforge.lab;

import java.util.Map;
import java.util.UUID;

/**
 * Where a lab's VMs may run, for whatever runs labs: implemented by the module that knows (capacity
 * pools, whose node selector the VMs of the pool's runs get).
 */
public interface LabPlacement {

    /** Kubernetes node labels every VM of the lab is to be scheduled with; empty for anywhere. */
    Map<String, String> nodeSelector(UUID labId);
}
