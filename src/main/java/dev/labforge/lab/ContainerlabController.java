package dev.labforge.lab;

import dev.labforge.access.Caller;
import dev.labforge.access.Owner;
import dev.labforge.access.Permission;
import dev.labforge.api.InvalidField;
import dev.labforge.api.InvalidRequest;
import dev.labforge.api.ValidationFailed;
import dev.labforge.containerlab.cml.CmlExporter;
import dev.labforge.containerlab.cml.CmlImporter;
import dev.labforge.containerlab.ContainerlabExporter;
import dev.labforge.containerlab.ContainerlabFormatException;
import dev.labforge.containerlab.ContainerlabImport;
import dev.labforge.containerlab.ContainerlabImporter;
import dev.labforge.containerlab.gns3.Gns3Exporter;
import dev.labforge.containerlab.gns3.Gns3Importer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
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

/**
 * Labs as other tools' files: containerlab topologies in and out (application/yaml), Cisco Modeling Labs topologies
 * in and out (application/vnd.cisco.cml+yaml), GNS3 projects in (application/vnd.gns3+json, or a portable project
 * zip) and out (application/vnd.gns3+json).
 */
@RestController
@RequestMapping("/api/v1/labs")
@Tag(name = "labs")
class ContainerlabController {

    static final String YAML = "application/yaml";
    /** A Cisco Modeling Labs 2.x topology file; also {@code ?format=cml} with any YAML type. */
    static final String CML = "application/vnd.cisco.cml+yaml";
    /** A GNS3 project file (.gns3, JSON); also {@code ?format=gns3}. */
    static final String GNS3 = "application/vnd.gns3+json";
    /** A GNS3 portable project (.gns3project), the zip that holds the .gns3 file and each node's files. */
    static final String GNS3_PROJECT = "application/vnd.gns3.project+zip";

    /** The file formats read, by the {@code format} parameter's value. */
    enum Format {
        CONTAINERLAB("containerlab"), CML("CML topology"), GNS3("GNS3 project");

        final String what;

        Format(String what) {
            this.what = what;
        }
    }

    private final LabController labs;
    private final LabAccess access;
    private final DefinitionCheck check;
    private final ContainerlabCatalog catalog;
    private final ContainerlabImporter importer = new ContainerlabImporter();
    private final ContainerlabExporter exporter = new ContainerlabExporter();
    private final CmlImporter cml = new CmlImporter();
    private final CmlExporter cmlExporter = new CmlExporter();
    private final Gns3Importer gns3 = new Gns3Importer();
    private final Gns3Exporter gns3Exporter = new Gns3Exporter();

    private final NewLabOwner newOwner;
    private final Clock clock;

    ContainerlabController(LabController labs, LabAccess access, DefinitionCheck check, ContainerlabCatalog catalog,
                           NewLabOwner newOwner, Clock clock) {
        this.clock = clock;
        this.labs = labs;
        this.newOwner = newOwner;
        this.access = access;
        this.check = check;
        this.catalog = catalog;
    }

    @PostMapping(consumes = {YAML, "application/x-yaml", "text/yaml", "text/x-yaml", CML, GNS3, GNS3_PROJECT,
            "application/zip", "application/octet-stream"})
    @Operation(operationId = "importLab", summary = "Define a lab from a containerlab, CML or GNS3 file",
            description = "Container-only fields (binds, exec, ports, ...) are listed in the answer's warnings"
                    + " with a pointer into the file. Problems point into the file too. A Cisco Modeling Labs 2.x"
                    + " topology (lab, nodes, links) is read when sent as " + CML + " or with ?format=cml:"
                    + " node_definition picks the catalog image, unmanaged switches become segments, external"
                    + " connectors are left out with a warning. A GNS3 project (.gns3, or the portable .gns3project"
                    + " zip) is read when sent as " + GNS3 + ", " + GNS3_PROJECT + " or with ?format=gns3: devices"
                    + " become nodes, Ethernet switches and hubs segments, clouds and NATs are left out with a"
                    + " warning; pointers then point into the project's JSON.")
    @Transactional
    ResponseEntity<LabView> importLab(Caller caller,
                                      @Parameter(description = "lab name to use instead of the file's")
                                      @RequestParam(required = false) String name,
                                      @Parameter(description = "create the lab for this team instead of for"
                                              + " yourself")
                                      @RequestParam(required = false) String team,
                                      @Parameter(description = "the file's format: containerlab (the default),"
                                              + " cml or gns3; a body sent as " + CML + " is read as cml, one sent"
                                              + " as " + GNS3 + " or " + GNS3_PROJECT + " as gns3")
                                      @RequestParam(required = false) String format,
                                      @Parameter(hidden = true)
                                      @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false)
                                      String contentType,
                                      @RequestBody(required = false)
                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                                              @Content(mediaType = YAML, schema = @Schema(type = "string")),
                                              @Content(mediaType = CML, schema = @Schema(type = "string")),
                                              @Content(mediaType = GNS3, schema = @Schema(type = "string")),
                                              @Content(mediaType = GNS3_PROJECT, schema = @Schema(type = "string",
                                                      format = "binary"))})
                                      byte[] body) {
        Owner owner = newOwner.resolve(caller, team);
        Imported imported = read(body, name, format(format, contentType));
        Lab lab = Lab.define(owner, imported.name(), null, imported.file().topology(), clock);
        return labs.created(caller, labs.insert(caller, lab), imported.warnings());
    }

    @PutMapping(value = "/{id}", consumes = {YAML, "application/x-yaml", "text/yaml", "text/x-yaml", CML, GNS3,
            GNS3_PROJECT, "application/zip", "application/octet-stream"})
    @Transactional
    @Operation(operationId = "replaceLabFromContainerlab",
            summary = "Replace a lab's definition with a containerlab, CML or GNS3 file",
            description = "Keeps the lab's name unless ?name= is given; honours If-Match. The format is chosen as"
                    + " for importLab: by Content-Type or ?format=.")
    ResponseEntity<LabView> replaceFromYaml(Caller caller, @PathVariable UUID id,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch,
                                            @RequestParam(required = false) String name,
                                            @Parameter(description = "the file's format: containerlab (the"
                                                    + " default), cml or gns3")
                                            @RequestParam(required = false) String format,
                                            @Parameter(hidden = true)
                                            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false)
                                            String contentType,
                                            @RequestBody(required = false)
                                            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                                                    @Content(mediaType = YAML, schema = @Schema(type = "string")),
                                                    @Content(mediaType = CML, schema = @Schema(type = "string")),
                                                    @Content(mediaType = GNS3, schema = @Schema(type = "string")),
                                                    @Content(mediaType = GNS3_PROJECT, schema = @Schema(
                                                            type = "string", format = "binary"))})
                                            byte[] body) {
        LabAccess.Granted granted = access.change(caller, id, Permission.EDIT);
        Lab lab = granted.lab();
        EntityTags.requireMatch(ifMatch, lab);
        Imported imported = read(body, name == null ? lab.name() : name, format(format, contentType));
        labs.redefine(caller, lab, imported.name(), lab.description(), imported.file().topology());
        return ResponseEntity.ok().eTag(EntityTags.of(lab))
                .body(labs.view(lab, granted.permission(), imported.warnings()));
    }

    @GetMapping(value = "/{id}", produces = {YAML, "application/x-yaml", "text/yaml"})
    @Operation(operationId = "exportLab", summary = "Get a lab as a containerlab topology file")
    ResponseEntity<String> export(Caller caller, @PathVariable UUID id) {
        Lab lab = access.read(caller, id, Permission.VIEW).lab();
        return exported(lab, YAML, ".clab.yml", exporter.write(lab.name(), lab.topology(), catalog.view()));
    }

    @GetMapping(value = "/{id}", produces = CML)
    @Operation(operationId = "exportLabAsCml", summary = "Get a lab as a Cisco Modeling Labs topology file",
            description = "Segments become unmanaged switches; node definitions follow the catalog image's"
                    + " containerlab kind (cisco_iol -> iol-xe, linux -> ubuntu, ...), else the image's name.")
    ResponseEntity<String> exportCml(Caller caller, @PathVariable UUID id) {
        Lab lab = access.read(caller, id, Permission.VIEW).lab();
        return exported(lab, CML, ".cml.yaml",
                cmlExporter.write(lab.name(), lab.description(), lab.topology(), catalog.view()));
    }

    @GetMapping(value = "/{id}", produces = GNS3)
    @Operation(operationId = "exportLabAsGns3", summary = "Get a lab as a GNS3 project file (.gns3)",
            description = "A GNS3 2.2 project (file revision 9) with the lab's id as project_id. Nodes imported from"
                    + " GNS3 keep their node type, image reference and name; others are QEMU nodes whose disk is the"
                    + " catalog image's name, as are Dynamips routers, which LabForge runs as IOSv. Links carry"
                    + " adapter and port numbers and the interface name as label; segments become Ethernet switches"
                    + " (one switch with access VLANs where the import split a switch by VLAN). Startup"
                    + " configurations and MTUs are not written.")
    ResponseEntity<String> exportGns3(Caller caller, @PathVariable UUID id) {
        Lab lab = access.read(caller, id, Permission.VIEW).lab();
        return exported(lab, GNS3, ".gns3", gns3Exporter.write(lab.id(), lab.name(), lab.topology(), catalog.view()));
    }

    /** An export: the lab's ETag, UTF-8 text of the format's type, shown inline under the lab's name. */
    private static ResponseEntity<String> exported(Lab lab, String type, String extension, String body) {
        return ResponseEntity.ok().eTag(EntityTags.of(lab))
                .header(HttpHeaders.CONTENT_TYPE, type + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + lab.name() + extension + "\"")
                .body(body);
    }

    private record Imported(String name, ContainerlabImport file, List<LabView.Warning> warnings) {
    }

    private static Format format(String format, String contentType) {
        if (format != null) {
            return switch (format) {
                case "containerlab" -> Format.CONTAINERLAB;
                case "cml" -> Format.CML;
                case "gns3" -> Format.GNS3;
                default -> throw new ValidationFailed(List.of(InvalidField.parameter("format",
                        "containerlab, cml or gns3")));
            };
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith(CML)) {
            return Format.CML;
        }
        boolean binary = type.startsWith("application/zip") || type.startsWith("application/octet-stream");
        return type.startsWith(GNS3) || type.startsWith(GNS3_PROJECT) || binary ? Format.GNS3 : Format.CONTAINERLAB;
    }

    private Imported read(byte[] body, String nameOverride, Format format) {
        String what = format.what;
        if (body == null || body.length == 0) {
            throw new InvalidRequest("the request body is empty: send a " + what + " file");
        }
        ContainerlabImport file;
        try {
            file = switch (format) {
                case CML -> cml.read(body, catalog.view());
                case GNS3 -> gns3.read(body, catalog.view());
                case CONTAINERLAB -> importer.read(body, catalog.view());
            };
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
