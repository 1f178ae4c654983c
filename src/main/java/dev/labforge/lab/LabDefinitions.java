package dev.labforge.lab;

import dev.labforge.access.Caller;
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

    /** The lab if the caller may operate it; a not-found problem otherwise (no leak of its existence). */
    @Transactional(readOnly = true)
    public LabDefinition operable(Caller caller, UUID labId) {
        return LabDefinition.of(access.editable(caller, labId));
    }

    /** The lab if the caller may see it; a not-found problem otherwise. */
    @Transactional(readOnly = true)
    public LabDefinition visible(Caller caller, UUID labId) {
        return LabDefinition.of(access.visible(caller, labId));
    }
}
