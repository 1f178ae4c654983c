package dev.labforge.containerlab;

import dev.labforge.topology.ImageLookup;
import dev.labforge.topology.ImageProfile;
import dev.labforge.topology.InterfaceNaming;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A catalog covering the kinds the fixtures use; three linux images so that kind fallback has to pick one. */
final class TestCatalog {

    static final List<CatalogImage> IMAGES = List.of(
            new CatalogImage("srlinux", "registry.labforge.dev/vm/srlinux:24.10", "nokia_srlinux", 2, 4096),
            new CatalogImage("sros", "registry.labforge.dev/vm/sros:25.7", "nokia_sros", 2, 4096),
            new CatalogImage("srsim", "registry.labforge.dev/vm/srsim:25.7", "nokia_srsim", 2, 4096),
            new CatalogImage("ceos", "registry.labforge.dev/vm/ceos:4.32", "arista_ceos", 2, 2048),
            new CatalogImage("ubuntu", "registry.labforge.dev/vm/ubuntu:24.04", "linux", 1, 1024),
            new CatalogImage("frr", "quay.io/frrouting/frr:10.5.1", "linux", 1, 512),
            new CatalogImage("alpine", "alpine:3", "linux", 1, 512));

    static final ImageCatalogView VIEW = ImageCatalogView.of(IMAGES);

    /** The same catalog as the topology validator sees it; interface patterns loose enough for the fixtures. */
    static final ImageLookup LOOKUP = ImageLookup.of(IMAGES.stream().collect(Collectors.toMap(CatalogImage::name,
            image -> new ImageProfile(image.name(), new InterfaceNaming("eth{n}", 1, 64)))));

    private TestCatalog() {
    }

    static Map<String, CatalogImage> byName() {
        return IMAGES.stream().collect(Collectors.toMap(CatalogImage::name, image -> image));
    }
}
