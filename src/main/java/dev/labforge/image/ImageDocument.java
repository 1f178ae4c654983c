package dev.labforge.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.labforge.api.InvalidField;
import dev.labforge.containerlab.ClabKinds;
import dev.labforge.topology.InterfaceNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Catalog entries as the API reads and writes them. */
final class ImageDocument {

    private ImageDocument() {
    }

    @Schema(name = "InterfaceNaming", description = "How the image names its data ports")
    record Interfaces(
            @NotBlank @Size(max = 64) @Schema(example = "eth{n}", description = "name pattern with one {n}")
            String pattern,
            @NotNull @Min(0) @Max(1000) @Schema(example = "1", description = "number of the first data port")
            Integer firstPort,
            @NotNull @Min(1) @Max(256) @Schema(example = "16", description = "how many data ports the image has")
            Integer maxPorts,
            @Size(max = 8) @Schema(example = "[\"ethernet-1/{n}\"]", description = "other names the image's"
                    + " containerlab kind accepts for the same ports, each a pattern with one {n}; a containerlab"
                    + " import maps them to the pattern")
            List<@NotBlank @Size(max = 64) String> aliases) {

        InterfaceNaming toDomain() {
            return new InterfaceNaming(pattern, firstPort, maxPorts);
        }

        List<String> aliasList() {
            return aliases == null ? List.of() : List.copyOf(aliases);
        }

        static Interfaces from(InterfaceNaming naming, List<String> aliases) {
            return new Interfaces(naming.pattern(), naming.firstPort(), naming.maxPorts(),
                    aliases.isEmpty() ? null : aliases);
        }
    }

    @Schema(name = "Readiness", description = "How LabForge decides a booted router is usable")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Readiness(@NotNull ReadinessProbe probe, @Min(1) @Max(65535) Integer port) {
    }

    @Schema(name = "NewImage")
    record NewImage(
            @NotBlank @Pattern(regexp = "[a-z0-9]([-a-z0-9._]{0,61}[a-z0-9])?",
                    message = "1-63 lower-case letters, digits, '-', '.' or '_'") String name,
            @Size(max = 500) String description,
            @NotBlank @Size(max = 500) @Schema(example = "quay.io/example/frr-vm:10.2",
                    description = "KubeVirt containerDisk image reference") String containerDisk,
            @Size(max = 64) @Schema(example = "linux", description = "containerlab kind used on export")
            String clabKind,
            @NotNull @Min(1) @Max(64) Integer defaultCpu,
            @NotNull @Min(64) @Max(1048576) Integer defaultMemoryMib,
            @NotNull @Valid Interfaces interfaces,
            @NotNull NicModel nicModel,
            @NotNull ConfigDelivery configDelivery,
            @NotNull @Valid Readiness readiness) {

        /**
         * Rules across fields, checked with the annotations in one pass ({@link NewImageRules}): on whatever of the
         * body is there, so a part missing (the annotations' problem) leaves out the rules on it.
         */
        List<InvalidField> crossFieldErrors() {
            List<InvalidField> errors = new ArrayList<>();
            if (interfaces != null && interfaces.pattern() != null
                    && !InterfaceNaming.validPattern(interfaces.pattern())) {
                errors.add(InvalidField.at("/interfaces/pattern", "must contain {n} exactly once, e.g. eth{n}"));
            }
            if (clabKind != null && !clabKind.isBlank() && !ClabKinds.isKnown(clabKind)) {
                errors.add(InvalidField.at("/clabKind", "'" + clabKind + "' is not a containerlab kind (its topology"
                        + " schema lists them, e.g. nokia_srlinux, arista_ceos, linux); an export would not run"));
            }
            List<String> aliases = interfaces == null || interfaces.aliases() == null ? List.of()
                    : interfaces.aliases();
            for (int i = 0; i < aliases.size(); i++) {
                if (aliases.get(i) == null) {
                    continue;
                }
                if (!InterfaceNaming.validPattern(aliases.get(i))) {
                    errors.add(InvalidField.at("/interfaces/aliases/" + i,
                            "must contain {n} exactly once, e.g. ethernet-1/{n}"));
                } else if (aliases.get(i).equals(interfaces.pattern()) || aliases.indexOf(aliases.get(i)) < i) {
                    errors.add(InvalidField.at("/interfaces/aliases/" + i, "repeats the pattern or another alias"));
                }
            }
            if (readiness != null && readiness.probe() == ReadinessProbe.TCP && readiness.port() == null) {
                errors.add(InvalidField.at("/readiness/port", "a TCP readiness probe needs a port"));
            }
            return errors;
        }

        RouterImage toDomain() {
            return new RouterImage(name, description, containerDisk, clabKind, defaultCpu, defaultMemoryMib,
                    interfaces.toDomain(), interfaces.aliasList(), nicModel, configDelivery, readiness.probe(),
                    readiness.port());
        }
    }

    @Schema(name = "Image")
    record View(UUID id, String name, String description, String containerDisk, String clabKind, int defaultCpu,
                int defaultMemoryMib, Interfaces interfaces, NicModel nicModel, ConfigDelivery configDelivery,
                Readiness readiness, Instant createdAt) {

        static View from(RouterImage image) {
            return new View(image.getId(), image.name(), image.description(), image.containerDisk(),
                    image.clabKind(), image.defaultCpu(), image.defaultMemoryMib(),
                    Interfaces.from(image.interfaces(), image.interfaceAliases()), image.nicModel(), image.configDelivery(),
                    new Readiness(image.readinessProbe(), image.readinessPort()), image.createdAt());
        }
    }
}
