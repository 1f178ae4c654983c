package dev.labforge.nodeagent;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A netlink socket to the kernel's routing subsystem ({@code AF_NETLINK}, {@code NETLINK_ROUTE}), called through the
 * C library with Java's foreign function API: the node agent needs no {@code ip} binary, so it runs in the service's
 * own image. The socket belongs to the network namespace of the thread that opened it, for its whole life, whatever
 * thread uses it later. One request at a time (the methods are synchronized); answers are matched by sequence number.
 *
 * <p>Restricted methods: the JVM must run with {@code --enable-native-access=ALL-UNNAMED} (the chart's command
 * does), else Java 25 prints a warning on first use and later Javas refuse.
 *
 * <p>Constants and layouts are Linux's ({@code linux/netlink.h}, {@code sys/socket.h}, {@code asm-generic/socket.h}),
 * the same on x86-64 and arm64.
 */
final class RouteSocket implements AutoCloseable {

    static final int NLMSG_HEADER = 16;
    static final short NLM_F_REQUEST = 0x1;
    static final short NLM_F_MULTI = 0x2;
    static final short NLM_F_ACK = 0x4;
    static final short NLM_F_DUMP_INTR = 0x10;
    static final short NLM_F_DUMP = 0x300;
    private static final short NLMSG_ERROR = 2;
    private static final short NLMSG_DONE = 3;

    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_ROUTE = 0;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int MSG_TRUNC = 0x20;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    /** Larger than anything the kernel puts in one datagram of a dump (it caps its buffer at 32 KiB). */
    private static final int RECEIVE_BUFFER = 64 * 1024;
    /** An answer takes microseconds; this only bounds a wait that would otherwise be endless. */
    private static final long RECEIVE_TIMEOUT_SECONDS = 10;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SOCKET = libc("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT,
            JAVA_INT));
    private static final MethodHandle SETSOCKOPT = libc("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT,
            JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND = libc("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS,
            JAVA_INT));
    private static final MethodHandle SENDTO = libc("sendto", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS,
            JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECVFROM = libc("recvfrom", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS,
            JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(
            LINKER.defaultLookup().find("close").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().find("strerror").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private final int fd;
    private int sequence = (int) System.nanoTime();
    private boolean closed;

    private RouteSocket(int fd) {
        this.fd = fd;
    }

    /** A socket in the calling thread's network namespace. */
    static RouteSocket open() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) SOCKET.invokeExact(state, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
            check(fd, state, "socket(AF_NETLINK, NETLINK_ROUTE)");
            RouteSocket socket = new RouteSocket(fd);
            try {
                MemorySegment timeval = arena.allocate(16);
                timeval.set(JAVA_LONG, 0, RECEIVE_TIMEOUT_SECONDS);
                check((int) SETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_RCVTIMEO, timeval, 16), state,
                        "setsockopt(SO_RCVTIMEO)");
                // sockaddr_nl, all zero but the family: the kernel picks the port id, no multicast groups
                MemorySegment address = arena.allocate(12);
                address.set(JAVA_SHORT, 0, (short) AF_NETLINK);
                check((int) BIND.invokeExact(state, fd, address, 12), state, "bind(AF_NETLINK)");
                return socket;
            } catch (RuntimeException e) {
                socket.close();
                throw e;
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends one request (its header's sequence number is set here) and returns the answer's messages, each a buffer
     * from its netlink header on: for a dump, every message up to {@code NLMSG_DONE}; for a request with
     * {@code NLM_F_ACK}, none once the kernel acknowledged it.
     *
     * @throws IllegalStateException when the kernel refused the request (with its reason), or did not answer
     */
    synchronized List<ByteBuffer> exchange(ByteBuffer request) {
        if (closed) {
            throw new IllegalStateException("the netlink socket is closed");
        }
        int seq = ++sequence;
        request.order(ByteOrder.nativeOrder()).putInt(0, request.limit()).putInt(8, seq);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment out = arena.allocate(request.limit());
            out.asByteBuffer().put(request.duplicate().position(0));
            MemorySegment kernel = arena.allocate(12); // sockaddr_nl: port id 0 is the kernel
            kernel.set(JAVA_SHORT, 0, (short) AF_NETLINK);
            long sent = (long) SENDTO.invokeExact(state, fd, out, (long) request.limit(), 0, kernel, 12);
            check(sent, state, "sendto(netlink)");
            MemorySegment in = arena.allocate(RECEIVE_BUFFER);
            List<ByteBuffer> messages = new ArrayList<>();
            while (true) {
                long received = (long) RECVFROM.invokeExact(state, fd, in, (long) RECEIVE_BUFFER, MSG_TRUNC,
                        MemorySegment.NULL, MemorySegment.NULL);
                if (received < 0) {
                    int errno = (int) ERRNO.get(state, 0L);
                    if (errno == EINTR) {
                        continue;
                    }
                    throw new IllegalStateException(errno == EAGAIN ? "the kernel did not answer a netlink request"
                            + " within " + RECEIVE_TIMEOUT_SECONDS + " s" : "recvfrom(netlink): " + strerror(errno));
                }
                if (received > RECEIVE_BUFFER) {
                    throw new IllegalStateException("a netlink answer of " + received + " bytes did not fit");
                }
                ByteBuffer datagram = ByteBuffer.wrap(in.asSlice(0, received).toArray(JAVA_BYTE))
                        .order(ByteOrder.nativeOrder());
                if (collect(datagram, seq, messages)) {
                    return messages;
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds the datagram's messages that answer {@code seq}; true once the answer is complete. */
    private static boolean collect(ByteBuffer datagram, int seq, List<ByteBuffer> messages) {
        int offset = 0;
        while (offset + NLMSG_HEADER <= datagram.limit()) {
            int length = datagram.getInt(offset);
            if (length < NLMSG_HEADER || offset + length > datagram.limit()) {
                throw new IllegalStateException("a malformed netlink message (length " + length + ")");
            }
            short type = datagram.getShort(offset + 4);
            short flags = datagram.getShort(offset + 6);
            int answers = datagram.getInt(offset + 8);
            ByteBuffer message = datagram.slice(offset, length).order(ByteOrder.nativeOrder());
            offset += align(length);
            if (answers != seq) {
                continue; // a late answer to an earlier request that timed out
            }
            if ((flags & NLM_F_DUMP_INTR) != 0) {
                throw new IllegalStateException("the kernel's list changed while it was read (NLM_F_DUMP_INTR)");
            }
            if (type == NLMSG_ERROR || type == NLMSG_DONE) {
                int error = length >= NLMSG_HEADER + 4 ? message.getInt(NLMSG_HEADER) : 0;
                if (error < 0) {
                    throw new IllegalStateException(strerror(-error));
                }
                return true;
            }
            messages.add(message);
            if ((flags & NLM_F_MULTI) == 0) {
                return true;
            }
        }
        return false;
    }

    static int align(int length) {
        return (length + 3) & ~3;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                int ignored = (int) CLOSE.invokeExact(fd);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void check(long result, MemorySegment state, String call) {
        if (result < 0) {
            throw new IllegalStateException(call + ": " + strerror((int) ERRNO.get(state, 0L)));
        }
    }

    /** The C library's text for an error number, such as "Operation not permitted" for EPERM. */
    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(1024).getString(0) + " (errno " + errno + ")";
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }

    private static MethodHandle libc(String function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(function).orElseThrow(), descriptor,
                Linker.Option.captureCallState("errno"));
    }
}
