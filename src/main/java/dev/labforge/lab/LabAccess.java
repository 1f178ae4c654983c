package dev.labforge.lab;

import dev.labforge.access.Caller;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Which labs a caller may see and change. Today: their own, and every lab for admins. Team
 * ownership and per-lab sharing will widen this one place.
 */
@Component
class LabAccess {

    private final LabRepository labs;

    LabAccess(LabRepository labs) {
        this.labs = labs;
    }

    Lab visible(Caller caller, UUID id) {
        return (caller.admin() ? labs.findById(id) : labs.findByIdAndOwnerId(id, caller.userId()))
                .orElseThrow(() -> new LabNotFound(id));
    }

    Lab editable(Caller caller, UUID id) {
        return visible(caller, id);
    }

    Page<LabSummary> list(Caller caller, String nameContains, Pageable page) {
        String name = nameContains == null ? "" : nameContains;
        return caller.admin()
                ? labs.findByNameContainingIgnoreCase(name, page)
                : labs.findByOwnerIdAndNameContainingIgnoreCase(caller.userId(), name, page);
    }
}
