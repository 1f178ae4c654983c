package dev.labforge.topology;

/**
 * One end of a link, written {@code node:interface} as containerlab does.
 *
 * <p>Parsing never fails: a malformed text keeps what it has (an empty interface, say) and the
 * {@code endpoint-format} rule reports it with a pointer, like every other problem.
 */
public record Endpoint(String node, String iface) {

    public Endpoint {
        node = node == null ? "" : node;
        iface = iface == null ? "" : iface;
    }

    public static Endpoint parse(String text) {
        if (text == null) {
            return new Endpoint("", "");
        }
        int colon = text.indexOf(':');
        return colon < 0 ? new Endpoint(text, "") : new Endpoint(text.substring(0, colon), text.substring(colon + 1));
    }

    public boolean wellFormed() {
        return !node.isEmpty() && !iface.isEmpty() && iface.indexOf(':') < 0;
    }

    @Override
    public String toString() {
        return node + ":" + iface;
    }
}
