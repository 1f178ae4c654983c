package dev.labforge.topology;

import java.util.Map;
import java.util.Optional;

/** Finds catalog images by name; the image catalog module provides the real one. */
@FunctionalInterface
public interface ImageLookup {

    Optional<ImageProfile> find(String imageName);

    static ImageLookup of(Map<String, ImageProfile> images) {
        return name -> Optional.ofNullable(name == null ? null : images.get(name));
    }
}
