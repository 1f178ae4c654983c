package dev.labforge.lab;

import dev.labforge.api.PreconditionFailed;

/**
 * ETags are the lab's version. {@code If-Match} makes a write conditional on the version the client
 * last read, so concurrent editors cannot overwrite each other unknowingly.
 */
final class EntityTags {

    private EntityTags() {
    }

    static String of(Lab lab) {
        return "\"" + lab.version() + "\"";
    }

    /** Passes when the header is absent or names the lab's current version (or is {@code *}). */
    static void requireMatch(String ifMatch, Lab lab) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(of(lab))) {
                return;
            }
        }
        throw new PreconditionFailed("the lab is at version " + lab.version() + " (ETag " + of(lab)
                + "), not the one in If-Match; fetch it again and reapply your change");
    }

    static boolean matchesNoneOf(String ifNoneMatch, Lab lab) {
        if (ifNoneMatch == null) {
            return true;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim().replaceFirst("^W/", "");
            if (t.equals("*") || t.equals(of(lab))) {
                return false;
            }
        }
        return true;
    }
}
