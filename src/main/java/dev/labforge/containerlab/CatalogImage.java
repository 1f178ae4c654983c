package dev.labforge.containerlab;

import dev.labforge.topology.InterfaceNaming;
import java.util.List;
import java.util.Objects;

/**
 * What the importer and exporter need to know about one image of the catalog.
 *
 * @param name          the catalog name, which {@code Node.image} refers to
 * @param containerDisk the disk image reference; containerlab files name this in {@code image}
 * @param clabKind      the containerlab kind the image stands in for ({@code nokia_srlinux}); may be null
 * @param defaultCpu    cores a node gets unless it says otherwise
 * @param defaultMemoryMib memory a node gets unless it says otherwise
 * @param interfaces    how the image names its data ports; null when unknown (no alias is then mapped)
 * @param interfaceAliases other patterns the kind accepts for the same ports ({@code ethernet-1/{n}})
 */
public record CatalogImage(String name, String containerDisk, String clabKind, int defaultCpu, int defaultMemoryMib,
                           InterfaceNaming interfaces, List<String> interfaceAliases) {

    public CatalogImage {
        Objects.requireNonNull(name, "name");
        interfaceAliases = interfaceAliases == null ? List.of() : List.copyOf(interfaceAliases);
    }

    public CatalogImage(String name, String containerDisk, String clabKind, int defaultCpu, int defaultMemoryMib) {
        this(name, containerDisk, clabKind, defaultCpu, defaultMemoryMib, null, List.of());
    }

    /** The kind an export writes for a node of this image that keeps no kind of its own: canonical, or linux. */
    String exportKind() {
        return clabKind == null || clabKind.isBlank() ? "linux" : ClabKinds.canonical(clabKind);
    }

    /** The image an export writes for a node of this image that keeps no image of its own: the disk, or the name. */
    String exportImage() {
        return containerDisk != null && !containerDisk.isBlank() ? containerDisk : name;
    }
}
