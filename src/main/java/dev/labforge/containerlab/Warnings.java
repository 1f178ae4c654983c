package dev.labforge.containerlab;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects import warnings in the order met, each once: a defaults value inherited by ten nodes is one finding. */
public final class Warnings {

    private final Set<ImportWarning> found = new LinkedHashSet<>();

    public void add(String pointer, String message) {
        found.add(new ImportWarning(pointer, message));
    }

    public List<ImportWarning> list() {
        return List.copyOf(found);
    }
}
