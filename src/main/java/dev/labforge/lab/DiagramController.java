package dev.labforge.lab;

import dev.labforge.access.Caller;
import dev.labforge.access.Permission;
import dev.labforge.diagram.TopologyDiagram;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A picture of a lab: people would rather look at a topology than read it. */
@RestController
@RequestMapping("/api/v1/labs")
@Tag(name = "labs")
class DiagramController {

    static final String SVG = "image/svg+xml";

    private final LabAccess access;

    DiagramController(LabAccess access) {
        this.access = access;
    }

    @GetMapping(value = "/{id}/topology.svg", produces = SVG)
    @Operation(operationId = "getLabDiagram", summary = "The lab as an SVG picture",
            description = "Nodes without a position are laid out automatically. Cached by ETag.")
    ResponseEntity<String> diagram(Caller caller, @PathVariable UUID id,
                                   @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false)
                                   String ifNoneMatch) {
        Lab lab = access.read(caller, id, Permission.VIEW).lab();
        if (!EntityTags.matchesNoneOf(ifNoneMatch, lab)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(EntityTags.of(lab)).build();
        }
        return ResponseEntity.ok().eTag(EntityTags.of(lab)).header(HttpHeaders.CONTENT_TYPE, SVG)
                .body(TopologyDiagram.svg(lab.name(), lab.topology()));
    }
}
