package dev.labforge.nodeagent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's links through iproute2's {@code ip}, in JSON ({@code -j}): the bridges, their ports, and the removal of
 * one. Every command is given as arguments (never a shell line) and has a time limit.
 *
 * @param prefix what runs before {@code ip}: nothing on a node; {@code ip netns exec <ns>} to work in a network
 *               namespace (the tests)
 */
record IpLinks(List<String> prefix, Duration timeout) implements HostLinks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static IpLinks host() {
        return new IpLinks(List.of(), Duration.ofSeconds(10));
    }

    @Override
    public List<HostBridge> bridges() {
        List<HostBridge> bridges = new ArrayList<>();
        for (JsonNode link : json("-j", "link", "show", "type", "bridge")) {
            String name = link.get("ifname").asString();
            bridges.add(new HostBridge(name, json("-j", "link", "show", "master", name).size()));
        }
        return bridges;
    }

    /**
     * Removes the bridge, looking first that it still is one without ports: {@code ip link delete} would remove
     * whatever link has the name (its {@code type} argument checks nothing).
     */
    @Override
    public void delete(String bridge) {
        JsonNode link = json("-d", "-j", "link", "show", "dev", bridge);
        JsonNode kind = link.path(0).path("linkinfo").path("info_kind");
        if (!kind.isString() || !kind.asString().equals("bridge")) {
            throw new IllegalStateException(bridge + " is not a bridge (" + kind + ")");
        }
        if (!json("-j", "link", "show", "master", bridge).isEmpty()) {
            throw new IllegalStateException(bridge + " has ports again");
        }
        run("link", "delete", "dev", bridge);
    }

    /** The version line: fails clearly at start where the image has no iproute2. */
    String version() {
        return run("-V").strip();
    }

    private JsonNode json(String... args) {
        String out = run(args).strip();
        return out.isEmpty() ? JSON.createArrayNode() : JSON.readTree(out);
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add("ip");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // ip's answers are small (a line per link); reading to the end before waiting cannot fill the pipe
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + " (the node agent needs"
                    + " iproute2's ip): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }
}
