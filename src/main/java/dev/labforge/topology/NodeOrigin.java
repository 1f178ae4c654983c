package dev.labforge.topology;

/**
 * Where an imported node came from, so that an export to the same tool gives back what the file said: for a
 * containerlab file the {@code kind} and container {@code image} (after inheritance from kinds, groups and
 * defaults); for a GNS3 project the {@code node_type} and the image reference of that type ({@code hda_disk_image},
 * {@code path}, {@code image}, ...).
 *
 * @param kind   the containerlab kind as written ({@code srl}, {@code nokia_srlinux}) or the GNS3 node type
 *               ({@code qemu}); may be null
 * @param image  the container image ({@code ghcr.io/nokia/srlinux:24.10}) or GNS3 image reference; may be null
 * @param format the tool the node came from: {@link #GNS3}, or null for containerlab (the first format kept, so
 *               labs stored before there was a second one read as containerlab's)
 */
public record NodeOrigin(String kind, String image, String format) {

    public static final String GNS3 = "gns3";

    public NodeOrigin(String kind, String image) {
        this(kind, image, null);
    }

    public static NodeOrigin gns3(String nodeType, String image) {
        return new NodeOrigin(nodeType, image, GNS3);
    }

    public boolean fromGns3() {
        return GNS3.equals(format);
    }

    public boolean fromContainerlab() {
        return format == null || format.isEmpty() || format.equals("containerlab");
    }
}
