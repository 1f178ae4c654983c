package dev.labforge.lab;

import dev.labforge.access.Caller;
import dev.labforge.access.Permission;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The lab module's public face for modules that act on labs (running them, booking them). */
@Component
public class LabDefinitions {

    private final LabRepository labs;
    private final LabAccess access;

    LabDefinitions(LabRepository labs, LabAccess access) {
        this.labs = labs;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public Optional<LabDefinition> find(UUID labId) {
        return labs.findById(labId).map(LabDefinition::of);
    }

    /**
     * The lab if the caller has at least {@code needed} on it: a not-found problem if they cannot see
     * it (no leak of its existence), a forbidden one if they can but not enough.
     */
    @Transactional(readOnly = true)
    public LabDefinition require(Caller caller, UUID labId, Permission needed) {
        return LabDefinition.of(access.read(caller, labId, needed).lab());
    }
}
