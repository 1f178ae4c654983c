package dev.labforge.topology;

/** What the topology rules need to know about a catalog image. */
public record ImageProfile(String name, InterfaceNaming interfaces) {
}
