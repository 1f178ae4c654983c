package dev.labforge.cluster.console;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The serial console of a router on the SIMULATED cluster, where no VM runs: a boot banner that says so, a login
 * prompt (any name and password), a prompt named after the node, and a few read-only commands answered from what
 * LabForge knows ({@link NodeFacts}, read afresh for each command). It echoes what is typed, as a guest's tty
 * would, and speaks in terminal line endings. Not thread-safe: its {@link NodeConsole} feeds it one input at a time.
 */
final class SimulatedRouterShell implements ConsoleUpstreams.Upstream {

    private static final String CRLF = "\r\n";
    /** A typed line longer than this is cut: a terminal's paste must not grow the service's memory. */
    private static final int MAX_LINE = 512;

    private enum Stage { LOGIN, PASSWORD, COMMAND }

    private final Supplier<NodeFacts> facts;
    private final Consumer<byte[]> output;
    private final String node;
    private final StringBuilder line = new StringBuilder();
    private Stage stage = Stage.LOGIN;
    private boolean lastWasCr;

    SimulatedRouterShell(String node, Supplier<NodeFacts> facts, Consumer<byte[]> output) {
        this.node = node;
        this.facts = facts;
        this.output = output;
    }

    /** The boot banner and the first login prompt, as a router's console shows them after power-on. */
    void boot() {
        NodeFacts now = facts.get();
        write(CRLF + "*** LabForge SIMULATED router " + node + " (image " + now.image() + ") ***" + CRLF
                + "No virtual machine runs on the simulated cluster: this shell answers from the lab's definition"
                + CRLF + "and its observed state. Commands: show running-config, show interfaces, show status." + CRLF
                + CRLF + loginPrompt());
    }

    @Override
    public void send(byte[] input) {
        StringBuilder echo = new StringBuilder();
        for (byte b : input) {
            char c = (char) (b & 0xff);
            if (c == '\n' && lastWasCr) { // CR LF from a terminal is one Enter
                lastWasCr = false;
                continue;
            }
            lastWasCr = c == '\r';
            if (c == '\r' || c == '\n') {
                echo.append(CRLF);
                write(echo.toString());
                echo.setLength(0);
                enter(line.toString().trim());
                line.setLength(0);
            } else if (c == 0x7f || c == 0x08) {
                if (!line.isEmpty()) {
                    line.setLength(line.length() - 1);
                    if (stage != Stage.PASSWORD) {
                        echo.append("\b \b");
                    }
                }
            } else if (c >= 0x20 && c < 0x7f && line.length() < MAX_LINE) {
                line.append(c);
                if (stage != Stage.PASSWORD) {
                    echo.append(c);
                }
            }
        }
        if (!echo.isEmpty()) {
            write(echo.toString());
        }
    }

    @Override
    public void close() {
        // nothing runs behind it
    }

    private void enter(String typed) {
        switch (stage) {
            case LOGIN -> {
                if (typed.isEmpty()) {
                    write(loginPrompt());
                } else {
                    stage = Stage.PASSWORD;
                    write("Password: ");
                }
            }
            case PASSWORD -> {
                stage = Stage.COMMAND;
                write("Welcome to the simulated " + node + "." + CRLF + prompt());
            }
            case COMMAND -> {
                if (typed.equals("exit") || typed.equals("logout")) {
                    stage = Stage.LOGIN;
                    write(CRLF + loginPrompt());
                } else {
                    write(answer(typed) + prompt());
                }
            }
        }
    }

    private String answer(String command) {
        String normalized = command.replaceAll("\\s+", " ");
        return switch (normalized) {
            case "" -> "";
            case "help", "?" -> "show running-config   the startup config LabForge gives this node" + CRLF
                    + "show interfaces       its wired interfaces, their links and peers" + CRLF
                    + "show status           its state as LabForge observes it" + CRLF
                    + "exit                  log out" + CRLF;
            case "show running-config", "show run" -> runningConfig(facts.get());
            case "show interfaces", "show int" -> interfaces(facts.get());
            case "show status" -> status(facts.get());
            default -> "% Unknown command: " + command + " (simulated shell; type help)" + CRLF;
        };
    }

    private static String runningConfig(NodeFacts facts) {
        String config = facts.startupConfig();
        if (config == null || config.isBlank()) {
            return "! (simulated) no startup config is set for " + facts.node() + CRLF;
        }
        String body = config.replace("\r\n", "\n").replace("\n", CRLF);
        return "! (simulated) startup config of " + facts.node() + CRLF + body + (body.endsWith(CRLF) ? "" : CRLF);
    }

    private static String interfaces(NodeFacts facts) {
        if (facts.interfaces().isEmpty()) {
            return "(simulated) " + facts.node() + " has no wired interfaces" + CRLF;
        }
        StringBuilder out = new StringBuilder(String.format("%-16s %-6s %-24s %s%s", "Interface", "MTU", "Peer",
                "Status", CRLF));
        boolean up = "READY".equals(facts.state());
        for (NodeFacts.Interface nic : facts.interfaces()) {
            out.append(String.format("%-16s %-6s %-24s %s%s", nic.name(), nic.mtu() == null ? "-" : nic.mtu(),
                    nic.peerNode() + ":" + nic.peerInterface(), up ? "up" : "down", CRLF));
        }
        return out.toString();
    }

    private static String status(NodeFacts facts) {
        return "node " + facts.node() + ": " + facts.state()
                + (facts.reason() == null ? "" : " (" + facts.reason() + ")") + CRLF;
    }

    private String loginPrompt() {
        return node + " login: ";
    }

    private String prompt() {
        return node + "# ";
    }

    private void write(String text) {
        output.accept(text.getBytes(StandardCharsets.UTF_8));
    }
}
