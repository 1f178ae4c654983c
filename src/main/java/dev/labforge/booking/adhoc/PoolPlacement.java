package dev.labforge.booking.adhoc;

import dev.labforge.booking.capacity.CapacityPool;
import dev.labforge.lab.LabPlacement;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A lab's VMs get the node selector of the pool its runs take capacity from ({@link RunPools}). */
@Component
class PoolPlacement implements LabPlacement {

    private final RunPools runPools;

    PoolPlacement(RunPools runPools) {
        this.runPools = runPools;
    }

    @Override
    public Map<String, String> nodeSelector(UUID labId) {
        return runPools.of(labId).map(CapacityPool::nodeSelector).orElse(Map.of());
    }
}
