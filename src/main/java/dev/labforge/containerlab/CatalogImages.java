package dev.labforge.containerlab;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the catalog image for a containerlab node. A file names a container image ({@code ghcr.io/nokia/srlinux})
 * and a kind; LabForge nodes name a catalog entry. Tried in order: an entry named like the image, an entry whose
 * disk is the image, then the first entry (by name, so the choice is stable) for the node's kind.
 */
public final class CatalogImages {

    public enum Match { NAME, DISK, KIND, NONE }

    public record Choice(String image, Match match) {
    }

    private final List<CatalogImage> byName;

    public CatalogImages(ImageCatalogView view) {
        List<CatalogImage> images = Objects.requireNonNull(view, "catalog").images();
        this.byName = (images == null ? List.<CatalogImage>of() : images).stream()
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(CatalogImage::name))
                .toList();
    }

    public Optional<CatalogImage> named(String name) {
        return byName.stream().filter(image -> image.name().equals(name)).findFirst();
    }

    public Choice choose(String image, String kind) {
        if (image != null) {
            Optional<CatalogImage> hit = named(image)
                    .or(() -> byName.stream().filter(entry -> image.equals(entry.containerDisk())).findFirst());
            if (hit.isPresent()) {
                return new Choice(hit.get().name(), hit.get().name().equals(image) ? Match.NAME : Match.DISK);
            }
        }
        String wanted = ClabKinds.canonical(kind);
        Optional<CatalogImage> forKind = wanted == null ? Optional.empty() : byName.stream()
                .filter(entry -> wanted.equals(ClabKinds.canonical(entry.clabKind())))
                .findFirst();
        return forKind.map(entry -> new Choice(entry.name(), Match.KIND))
                .orElse(new Choice(image, Match.NONE));
    }
}
