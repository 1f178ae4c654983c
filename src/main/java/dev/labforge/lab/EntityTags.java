package dev.labforge.lab;

import dev.labforge.access.Permission;
import dev.labforge.api.PreconditionFailed;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * ETags are the lab's version. {@code If-Match} makes a write conditional on the version the client
 * last read, so concurrent editors cannot overwrite each other unknowingly. The lab's JSON also carries its live
 * state and the caller's permission, which change without the version: its tag is the version followed by
 * {@code -} and a mark of those ({@link #ofView}), so that a revalidation never keeps a stale state, while a write's
 * {@code If-Match} compares only the version before the mark.
 */
final class EntityTags {

    private EntityTags() {
    }

    static String of(Lab lab) {
        return "\"" + lab.version() + "\"";
    }

    /** The tag of the lab's JSON: the version, then a mark of its live state, the caller's permission, its owner. */
    static String ofView(Lab lab, LabStatus status, Permission permission, String ownerName) {
        CRC32 mark = new CRC32();
        mark.update((status + "|" + permission.name() + "|" + ownerName).getBytes(StandardCharsets.UTF_8));
        return "\"" + lab.version() + "-" + Long.toString(mark.getValue(), 36) + "\"";
    }

    /** Passes when the header is absent or names the lab's current version (or is {@code *}). */
    static void requireMatch(String ifMatch, Lab lab) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(of(lab)) || t.startsWith("\"" + lab.version() + "-")) {
                return;
            }
        }
        throw new PreconditionFailed("the lab is at version " + lab.version() + " (ETag " + of(lab)
                + "), not the one in If-Match; fetch it again and reapply your change");
    }

    static boolean matchesNoneOf(String ifNoneMatch, Lab lab) {
        return matchesNoneOf(ifNoneMatch, of(lab));
    }

    static boolean matchesNoneOf(String ifNoneMatch, String current) {
        if (ifNoneMatch == null) {
            return true;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim().replaceFirst("^W/", "");
            if (t.equals("*") || t.equals(current)) {
                return false;
            }
        }
        return true;
    }
}
