package dev.labforge.lab;

import dev.labforge.api.InvalidField;
import dev.labforge.api.ValidationFailed;
import dev.labforge.image.ImageCatalog;
import dev.labforge.topology.Topology;
import dev.labforge.topology.TopologyValidator;
import dev.labforge.topology.Violation;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/** Runs the topology rules against the live image catalog and turns violations into a problem. */
@Component
class DefinitionCheck {

    private final TopologyValidator validator;
    private final ImageCatalog catalog;

    DefinitionCheck(LimitsProperties limits, ImageCatalog catalog) {
        this.validator = new TopologyValidator(limits.toDomain());
        this.catalog = catalog;
    }

    /**
     * @param pointers maps a pointer into the model to one into the document the client sent
     */
    void require(Topology topology, UnaryOperator<String> pointers) {
        List<InvalidField> problems = problems(topology, pointers);
        if (!problems.isEmpty()) {
            throw new ValidationFailed(problems);
        }
    }

    /** Every rule the topology breaks, each at its pointer; empty when it breaks none. */
    List<InvalidField> problems(Topology topology, UnaryOperator<String> pointers) {
        List<Violation> violations = validator.validate(topology, catalog.lookup());
        return violations.stream().map(v -> InvalidField.rule(pointers.apply(v.pointer()), v.rule(), v.message()))
                .toList();
    }
}
