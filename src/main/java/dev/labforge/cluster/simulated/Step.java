package dev.labforge.cluster.simulated;

import java.time.Duration;

/** One write the simulated virt-controller makes, and how long after it became due it is made. */
sealed interface Step {

    Duration delay();

    record UpdateVmStatus(VmStatus status) implements Step {
        @Override
        public Duration delay() {
            return Duration.ZERO; // virt-controller mirrors a VMI into its VM at once
        }
    }

    record CreateVmi(Duration delay) implements Step {
    }

    record UpdateVmiStatus(VmiStatus status, Duration delay) implements Step {
    }

    /**
     * @param vmiUid         which VMI, so that a new VMI of the same name is a new step
     * @param unlessOwnerLives the VM is missing from the cache: delete only if the API confirms the owner is gone,
     *                       as the garbage collector would (the cache only holds VMs LabForge manages)
     */
    record DeleteVmi(String vmiUid, boolean unlessOwnerLives, Duration delay) implements Step {
    }
}
