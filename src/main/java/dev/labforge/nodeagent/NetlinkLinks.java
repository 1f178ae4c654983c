package dev.labforge.nodeagent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's links through rtnetlink, the kernel interface {@code ip link} itself uses, without running anything: one
 * {@code RTM_GETLINK} dump lists every link with its kind ({@code IFLA_LINKINFO/IFLA_INFO_KIND}) and its master
 * ({@code IFLA_MASTER}, the bridge a port is attached to), and {@code RTM_DELLINK} removes one. Deleting needs
 * {@code CAP_NET_ADMIN} in the socket's network namespace and nothing else; listing needs nothing.
 *
 * <p>Everything happens in the network namespace of the thread that {@link #open opened} it.
 */
final class NetlinkLinks implements HostLinks, AutoCloseable {

    private static final short RTM_NEWLINK = 16;
    private static final short RTM_DELLINK = 17;
    private static final short RTM_GETLINK = 18;
    private static final int IFINFOMSG = 16;
    private static final int IFLA_IFNAME = 3;
    private static final int IFLA_MASTER = 10;
    private static final int IFLA_LINKINFO = 18;
    private static final int IFLA_INFO_KIND = 1;
    /** An attribute's type without its NLA_F_NESTED and NLA_F_NET_BYTEORDER flags. */
    private static final int NLA_TYPE_MASK = 0x3fff;
    /** A dump that links changed under is read again: a few times, then the sweep fails and the next one retries. */
    private static final int DUMP_ATTEMPTS = 3;

    /**
     * A link as the kernel lists it.
     *
     * @param kind its rtnetlink kind ({@code bridge}, {@code veth}, ...), null for a link without one (a NIC)
     * @param master the index of the link it is attached to, 0 for none
     */
    record Link(int index, String name, String kind, int master) {
    }

    private final RouteSocket socket;

    private NetlinkLinks(RouteSocket socket) {
        this.socket = socket;
    }

    /** The links of the calling thread's network namespace (the node's, for the agent on the host network). */
    static NetlinkLinks open() {
        return new NetlinkLinks(RouteSocket.open());
    }

    @Override
    public List<HostBridge> bridges() {
        List<Link> links = links();
        return links.stream().filter(NetlinkLinks::isBridge)
                .map(bridge -> new HostBridge(bridge.name(), ports(links, bridge))).toList();
    }

    /**
     * Removes the bridge, looking first that it still is one without ports, and then by its index: a link that took
     * its name meanwhile is not removed. What no check can close is a port attached between the look and the removal
     * (microseconds; the kernel has no "delete if empty"), which would lose its bridge with it.
     */
    @Override
    public void delete(String bridge) {
        List<Link> links = links();
        Link link = links.stream().filter(l -> l.name().equals(bridge)).findFirst()
                .orElseThrow(() -> new IllegalStateException(bridge + " is gone"));
        if (!isBridge(link)) {
            throw new IllegalStateException(bridge + " is not a bridge (" + link.kind() + ")");
        }
        if (ports(links, link) > 0) {
            throw new IllegalStateException(bridge + " has ports again");
        }
        try {
            socket.exchange(request(RTM_DELLINK, (short) (RouteSocket.NLM_F_REQUEST | RouteSocket.NLM_F_ACK),
                    link.index()));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("removing " + bridge + ": " + e.getMessage(), e);
        }
    }

    /** Every link in the namespace. */
    List<Link> links() {
        for (int attempt = 1; ; attempt++) {
            try {
                return socket.exchange(request(RTM_GETLINK,
                        (short) (RouteSocket.NLM_F_REQUEST | RouteSocket.NLM_F_DUMP), 0)).stream()
                        .filter(message -> message.getShort(4) == RTM_NEWLINK).map(NetlinkLinks::link).toList();
            } catch (IllegalStateException e) {
                if (attempt == DUMP_ATTEMPTS || !e.getMessage().contains("NLM_F_DUMP_INTR")) {
                    throw new IllegalStateException("listing links: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    private static boolean isBridge(Link link) {
        return "bridge".equals(link.kind());
    }

    private static int ports(List<Link> links, Link bridge) {
        return (int) links.stream().filter(l -> l.master() == bridge.index()).count();
    }

    /** A netlink header and an {@code ifinfomsg} (family AF_UNSPEC) for the link {@code index}, 0 for all. */
    private static ByteBuffer request(short type, short flags, int index) {
        ByteBuffer request = ByteBuffer.allocate(RouteSocket.NLMSG_HEADER + IFINFOMSG).order(ByteOrder.nativeOrder());
        request.putShort(4, type).putShort(6, flags);
        request.putInt(RouteSocket.NLMSG_HEADER + 4, index);
        return request;
    }

    /** Reads an {@code RTM_NEWLINK} message: the index from its {@code ifinfomsg}, the rest from its attributes. */
    static Link link(ByteBuffer message) {
        int index = message.getInt(RouteSocket.NLMSG_HEADER + 4);
        String name = null;
        String kind = null;
        int master = 0;
        int end = message.getInt(0);
        for (int at = RouteSocket.NLMSG_HEADER + IFINFOMSG; at + 4 <= end; ) {
            int length = Short.toUnsignedInt(message.getShort(at));
            int type = message.getShort(at + 2) & NLA_TYPE_MASK;
            if (length < 4 || at + length > end) {
                break;
            }
            switch (type) {
                case IFLA_IFNAME -> name = string(message, at + 4, length - 4);
                case IFLA_MASTER -> master = message.getInt(at + 4);
                case IFLA_LINKINFO -> kind = kind(message, at + 4, at + length);
                default -> {
                }
            }
            at += RouteSocket.align(length);
        }
        if (name == null) {
            throw new IllegalStateException("the kernel listed link " + index + " without a name");
        }
        return new Link(index, name, kind, master);
    }

    /** {@code IFLA_INFO_KIND} among the nested attributes of {@code IFLA_LINKINFO}. */
    private static String kind(ByteBuffer message, int from, int end) {
        for (int at = from; at + 4 <= end; ) {
            int length = Short.toUnsignedInt(message.getShort(at));
            if (length < 4 || at + length > end) {
                return null;
            }
            if ((message.getShort(at + 2) & NLA_TYPE_MASK) == IFLA_INFO_KIND) {
                return string(message, at + 4, length - 4);
            }
            at += RouteSocket.align(length);
        }
        return null;
    }

    /** A C string attribute: up to its terminating NUL. */
    private static String string(ByteBuffer message, int from, int length) {
        int size = 0;
        while (size < length && message.get(from + size) != 0) {
            size++;
        }
        byte[] bytes = new byte[size];
        message.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
