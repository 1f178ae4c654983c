package dev.labforge.nodeagent;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of a test's own ({@code ip netns add}; the tests run as root), deleted with everything in it
 * on {@link #close}. The test sets it up with {@code ip} ({@link #ip}); code under test enters it through
 * {@link #call}: a thread of its own that joins the namespace with setns(2), so that the sockets it opens (a netlink
 * socket, a listening socket) belong to the namespace for their whole life, whatever thread uses them later.
 */
final class NetworkNamespace implements AutoCloseable {

    static final Duration COMMAND_WAIT = Duration.ofSeconds(20);
    private static final int O_RDONLY_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().find("open").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SETNS = LINKER.downcallHandle(LINKER.defaultLookup().find("setns").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private final String name;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    /** A new namespace; the test is skipped, saying why, where namespaces are not permitted. */
    static NetworkNamespace create() {
        String name = "lfb-test-" + UUID.randomUUID().toString().substring(0, 8);
        ProcessResult added = exec("ip", "netns", "add", name);
        assumeTrue(added.exit() == 0, "network namespaces are not permitted here (ip netns add: " + added.output()
                + "): the node agent's bridge tests need root and CAP_SYS_ADMIN");
        return new NetworkNamespace(name);
    }

    String name() {
        return name;
    }

    /** Runs {@code ip} in the namespace (the test's own setting up and looking; never the agent's). */
    String ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name, "ip"));
        command.addAll(List.of(args));
        ProcessResult result = exec(command.toArray(String[]::new));
        assertThat(result.exit()).as(String.join(" ", command) + ": " + result.output()).isZero();
        return result.output();
    }

    /** Calls {@code task} on a platform thread inside the namespace (never a virtual one: it may change carriers). */
    <T> T call(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofPlatform().name("in-" + name).start(() -> {
            try {
                enter();
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(COMMAND_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("in network namespace " + name + ": " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** setns(2) on the namespace's file, which {@code ip netns add} bind-mounted: for this thread only. */
    private void enter() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(arena.allocateFrom("/var/run/netns/" + name), O_RDONLY_CLOEXEC, 0);
            assertThat(fd).as("open /var/run/netns/" + name).isNotNegative();
            int entered = (int) SETNS.invokeExact(fd, CLONE_NEWNET);
            int closed = (int) CLOSE.invokeExact(fd);
            assertThat(entered).as("setns into " + name).isZero();
            assertThat(closed).isZero();
        }
    }

    @Override
    public void close() {
        exec("ip", "netns", "delete", name); // its bridges and veths go with it
    }

    record ProcessResult(int exit, String output) {
    }

    static ProcessResult exec(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new ProcessResult(-1, "timed out");
            }
            return new ProcessResult(process.exitValue(), output.strip());
        } catch (IOException e) {
            return new ProcessResult(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProcessResult(-1, e.toString());
        }
    }
}
