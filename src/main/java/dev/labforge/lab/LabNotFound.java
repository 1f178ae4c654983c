package dev.labforge.lab;

import dev.labforge.api.NotFound;
import java.util.UUID;

/** Also what a caller gets for a lab that exists but is not theirs to see. */
class LabNotFound extends NotFound {

    LabNotFound(UUID id) {
        super("no lab with id " + id);
    }
}
