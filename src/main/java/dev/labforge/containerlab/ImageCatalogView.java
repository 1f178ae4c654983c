package dev.labforge.containerlab;

import java.util.List;

/** The image catalog as containerlab import and export see it; the caller adapts the real catalog. */
@FunctionalInterface
public interface ImageCatalogView {

    List<CatalogImage> images();

    static ImageCatalogView of(List<CatalogImage> images) {
        List<CatalogImage> copy = List.copyOf(images);
        return () -> copy;
    }
}
