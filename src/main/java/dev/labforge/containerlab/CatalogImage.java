package dev.labforge.containerlab;

import java.util.Objects;

/**
 * What the importer and exporter need to know about one image of the catalog.
 *
 * @param name          the catalog name, which {@code Node.image} refers to
 * @param containerDisk the disk image reference; containerlab files name this in {@code image}
 * @param clabKind      the containerlab kind the image stands in for ({@code nokia_srlinux}); may be null
 * @param defaultCpu    cores a node gets unless it says otherwise
 * @param defaultMemoryMib memory a node gets unless it says otherwise
 */
public record CatalogImage(String name, String containerDisk, String clabKind, int defaultCpu, int defaultMemoryMib) {

    public CatalogImage {
        Objects.requireNonNull(name, "name");
    }
}
