package dev.labforge.lab;

import dev.labforge.access.Caller;
import dev.labforge.access.Owner;
import dev.labforge.access.Permission;
import dev.labforge.api.InvalidField;
import dev.labforge.api.InvalidRequest;
import dev.labforge.api.ValidationFailed;
import dev.labforge.containerlab.CmlImporter;
import dev.labforge.containerlab.ContainerlabExporter;
import dev.labforge.containerlab.ContainerlabFormatException;
import dev.labforge.containerlab.ContainerlabImport;
import dev.labforge.containerlab.ContainerlabImporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Labs as containerlab topology files: import with application/yaml, export with Accept: application/yaml. */
@RestController
@RequestMapping("/api/v1/labs")
@Tag(name = "labs")
class ContainerlabController {

    static final String YAML = "application/yaml";
    /** A Cisco Modeling Labs 2.x topology file; also {@code ?format=cml} with any YAML type. */
    static final String CML = "application/vnd.cisco.cml+yaml";

    private final LabController labs;
    private final LabAccess access;
    private final DefinitionCheck check;
    private final ContainerlabCatalog catalog;
    private final ContainerlabImporter importer = new ContainerlabImporter();
    private final ContainerlabExporter exporter = new ContainerlabExporter();
    private final CmlImporter cml = new CmlImporter();

    private final NewLabOwner newOwner;

    ContainerlabController(LabController labs, LabAccess access, DefinitionCheck check, ContainerlabCatalog catalog,
                           NewLabOwner newOwner) {
        this.labs = labs;
        this.newOwner = newOwner;
        this.access = access;
        this.check = check;
        this.catalog = catalog;
    }

    @PostMapping(consumes = {YAML, "application/x-yaml", "text/yaml", "text/x-yaml", CML})
    @Operation(operationId = "importLab", summary = "Define a lab from a containerlab or CML topology file",
            description = "Container-only fields (binds, exec, ports, ...) are listed in the answer's warnings"
                    + " with a pointer into the file. Problems point into the file too. A Cisco Modeling Labs 2.x"
                    + " topology (lab, nodes, links) is read when sent as " + CML + " or with ?format=cml:"
                    + " node_definition picks the catalog image, unmanaged switches become segments, external"
                    + " connectors are left out with a warning.")
    @Transactional
    ResponseEntity<LabView> importLab(Caller caller,
                                      @Parameter(description = "lab name to use instead of the file's")
                                      @RequestParam(required = false) String name,
                                      @Parameter(description = "create the lab for this team instead of for"
                                              + " yourself")
                                      @RequestParam(required = false) String team,
                                      @Parameter(description = "the file's format: containerlab (the default)"
                                              + " or cml; a body sent as " + CML + " is read as cml")
                                      @RequestParam(required = false) String format,
                                      @Parameter(hidden = true)
                                      @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false)
                                      String contentType,
                                      @RequestBody(required = false)
                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                                              @Content(mediaType = YAML, schema = @Schema(type = "string")),
                                              @Content(mediaType = CML, schema = @Schema(type = "string"))})
                                      byte[] body) {
        Owner owner = newOwner.resolve(caller, team);
        Imported imported = read(body, name, isCml(format, contentType));
        Lab lab = Lab.define(owner, imported.name(), null, imported.file().topology());
        return labs.created(caller, labs.insert(caller, lab), imported.warnings());
    }

    @PutMapping(value = "/{id}", consumes = {YAML, "application/x-yaml", "text/yaml", "text/x-yaml"})
    @Transactional
    @Operation(operationId = "replaceLabFromContainerlab",
            summary = "Replace a lab's definition with a containerlab topology file",
            description = "Keeps the lab's name unless ?name= is given; honours If-Match.")
    ResponseEntity<LabView> replaceFromYaml(Caller caller, @PathVariable UUID id,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch,
                                            @RequestParam(required = false) String name,
                                            @RequestBody(required = false)
                                            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                    mediaType = YAML, schema = @Schema(type = "string")))
                                            byte[] body) {
        LabAccess.Granted granted = access.change(caller, id, Permission.EDIT);
        Lab lab = granted.lab();
        EntityTags.requireMatch(ifMatch, lab);
        Imported imported = read(body, name == null ? lab.name() : name, false);
        labs.redefine(caller, lab, imported.name(), lab.description(), imported.file().topology());
        return ResponseEntity.ok().eTag(EntityTags.of(lab))
                .body(labs.view(lab, granted.permission(), imported.warnings()));
    }

    @GetMapping(value = "/{id}", produces = {YAML, "application/x-yaml", "text/yaml"})
    @Operation(operationId = "exportLab", summary = "Get a lab as a containerlab topology file")
    ResponseEntity<String> export(Caller caller, @PathVariable UUID id) {
        Lab lab = access.read(caller, id, Permission.VIEW).lab();
        return ResponseEntity.ok().eTag(EntityTags.of(lab))
                .header(HttpHeaders.CONTENT_TYPE, YAML + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + lab.name() + ".clab.yml\"")
                .body(exporter.write(lab.name(), lab.topology(), catalog.view()));
    }

    private record Imported(String name, ContainerlabImport file, List<LabView.Warning> warnings) {
    }

    private static boolean isCml(String format, String contentType) {
        if (format != null && !format.equals("cml") && !format.equals("containerlab")) {
            throw new ValidationFailed(List.of(InvalidField.parameter("format", "containerlab or cml")));
        }
        return "cml".equals(format) || contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(CML);
    }

    private Imported read(byte[] body, String nameOverride, boolean isCml) {
        String what = isCml ? "CML topology" : "containerlab";
        if (body == null || body.length == 0) {
            throw new InvalidRequest("the request body is empty: send a " + what + " file");
        }
        ContainerlabImport file;
        try {
            file = isCml ? cml.read(body, catalog.view()) : importer.read(body, catalog.view());
        } catch (ContainerlabFormatException e) {
            throw new InvalidRequest("the " + what + " file cannot be read: " + e.getMessage(),
                    List.of(InvalidField.at(e.pointer(), e.getMessage())));
        }
        String name = nameOverride != null ? nameOverride : file.name();
        if (name == null || !name.matches(LabDocument.NAME_PATTERN)) {
            throw new ValidationFailed(List.of(nameOverride != null
                    ? InvalidField.parameter("name", LabDocument.NAME_RULE)
                    : InvalidField.at("/name", LabDocument.NAME_RULE)));
        }
        check.require(file.topology(), file.pointers()::toYaml);
        List<LabView.Warning> warnings = file.warnings().stream()
                .map(w -> new LabView.Warning(w.pointer(), w.message())).toList();
        return new Imported(name, file, warnings);
    }
}
