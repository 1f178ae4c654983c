package dev.labforge.lab;

import dev.labforge.api.BodyRules;
import dev.labforge.api.InvalidField;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * A lab document's topology rules (against the live image catalog), checked in the same pass as its annotations, so a
 * blank lab name and a router with a bad name come back together. The controller checks again before storing: the
 * rules are cheap, and the check there does not depend on how the body was validated.
 */
@Component
class LabRequestRules extends BodyRules<LabDocument.LabRequest> {

    private final DefinitionCheck check;

    LabRequestRules(DefinitionCheck check) {
        super(LabDocument.LabRequest.class);
        this.check = check;
    }

    @Override
    protected List<InvalidField> problems(LabDocument.LabRequest request) {
        return check.problems(request.topology(), UnaryOperator.identity());
    }
}
