package dev.labforge.topology;

/**
 * Where an imported node came from: containerlab's {@code kind} and container {@code image} as the file gave them
 * (after inheritance from kinds, groups and defaults). Kept so that an export gives back a file containerlab runs.
 *
 * @param kind  the containerlab kind as written ({@code srl}, {@code nokia_srlinux}); may be null
 * @param image the container image reference ({@code ghcr.io/nokia/srlinux:24.10}); may be null
 */
public record NodeOrigin(String kind, String image) {
}
