package dev.labforge.lab;

import dev.labforge.containerlab.CatalogImage;
import dev.labforge.containerlab.ImageCatalogView;
import dev.labforge.image.ImageCatalog;
import org.springframework.stereotype.Component;

/** The image catalog as containerlab import and export see it. */
@Component
class ContainerlabCatalog {

    private final ImageCatalog catalog;

    ContainerlabCatalog(ImageCatalog catalog) {
        this.catalog = catalog;
    }

    ImageCatalogView view() {
        var images = catalog.all().stream().map(image -> new CatalogImage(image.name(), image.containerDisk(),
                image.clabKind(), image.defaultCpu(), image.defaultMemoryMib(), image.interfaces(),
                image.interfaceAliases())).toList();
        return ImageCatalogView.of(images);
    }
}
