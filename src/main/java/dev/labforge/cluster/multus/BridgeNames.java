package dev.labforge.cluster.multus;

import java.util.regex.Pattern;

/**
 * The host bridges LabForge's links use: {@code lfb} and a base36 sequence number, unique for ever (the CNI bridge
 * plugin never deletes a bridge, so a name is never reused). The node agent removes only bridges named so.
 */
public final class BridgeNames {

    public static final String PREFIX = "lfb";
    /** 12 base36 digits after the prefix fill IFNAMSIZ's 15 characters. */
    private static final Pattern LABFORGE = Pattern.compile(PREFIX + "[0-9a-z]{1,12}");

    private BridgeNames() {
    }

    /** The bridge name for sequence number {@code n}. */
    public static String of(long n) {
        return PREFIX + Long.toString(n, 36);
    }

    /** Whether LabForge names bridges so: nothing else is ever the node agent's to remove. */
    public static boolean isLabForge(String name) {
        return LABFORGE.matcher(name).matches();
    }
}
