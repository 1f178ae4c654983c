package dev.labforge.containerlab;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects import warnings in the order met, each once: a defaults value inherited by ten nodes is one finding. */
final class Warnings {

    private final Set<ImportWarning> found = new LinkedHashSet<>();

    void add(String pointer, String message) {
        found.add(new ImportWarning(pointer, message));
    }

    List<ImportWarning> list() {
        return List.copyOf(found);
    }
}
