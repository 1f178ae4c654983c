package dev.labforge.containerlab;

import java.util.List;

/** A title from another tool's file as a LabForge lab name: kept when it is one, else made one, with a warning. */
public final class LabNames {

    private static final String LAB_NAME = "[A-Za-z0-9]([A-Za-z0-9_.-]{0,62})?";

    private LabNames() {
    }

    public static String from(String title, String pointer, String fallback, Warnings warnings) {
        if (title == null || title.isBlank()) {
            return fallback;
        }
        if (title.matches(LAB_NAME)) {
            return title;
        }
        String made = NodeNames.map(List.of(title)).get(title);
        warnings.add(pointer, "the title '" + title + "' is no lab name; the lab is called '" + made
                + "' (give ?name= to choose another)");
        return made;
    }
}
