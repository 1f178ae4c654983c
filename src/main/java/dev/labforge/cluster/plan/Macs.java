package dev.labforge.cluster.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deterministic MAC addresses: locally administered (0x02), unicast, 40 bits from a hash of the lab,
 * node and interface, so a node keeps its MACs across restarts and the guest can pin names by them.
 */
public final class Macs {

    private Macs() {
    }

    public static String of(UUID labId, String node, String iface) {
        String hex = sha256(labId + "/" + node + "/" + iface);
        StringBuilder mac = new StringBuilder("02");
        for (int i = 0; i < 10; i += 2) {
            mac.append(':').append(hex, i, i + 2);
        }
        return mac.toString();
    }

    /** The management NIC's MAC; "/" cannot occur in an interface name, so it never collides with a lab NIC. */
    public static String management(UUID labId, String node) {
        return of(labId, node, "/mgmt");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
