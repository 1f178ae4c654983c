package dev.labforge.topology;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a network OS names its data ports: a pattern with one {@code {n}} placeholder
 * ({@code eth{n}}, {@code Ethernet1/{n}}, {@code ge-0/0/{n}}), the number of the first data port, and
 * how many data ports the image offers. Port numbers below the first belong to management.
 */
public record InterfaceNaming(String pattern, int firstPort, int maxPorts) {

    public static final String PLACEHOLDER = "{n}";

    public InterfaceNaming {
        if (pattern == null || pattern.indexOf(PLACEHOLDER) < 0
                || pattern.indexOf(PLACEHOLDER) != pattern.lastIndexOf(PLACEHOLDER)) {
            throw new IllegalArgumentException("interface pattern must contain {n} exactly once: " + pattern);
        }
        if (firstPort < 0 || maxPorts < 1) {
            throw new IllegalArgumentException("first port must be >= 0 and max ports >= 1");
        }
    }

    public static boolean validPattern(String pattern) {
        return pattern != null && !pattern.isBlank() && pattern.indexOf(PLACEHOLDER) >= 0
                && pattern.indexOf(PLACEHOLDER) == pattern.lastIndexOf(PLACEHOLDER);
    }

    /** The data port number an interface name stands for, if it follows the pattern at all. */
    public OptionalInt portNumber(String iface) {
        int at = pattern.indexOf(PLACEHOLDER);
        Pattern regex = Pattern.compile(Pattern.quote(pattern.substring(0, at)) + "(0|[1-9][0-9]{0,5})"
                + Pattern.quote(pattern.substring(at + PLACEHOLDER.length())));
        Matcher m = regex.matcher(iface);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    public boolean isDataPort(String iface) {
        OptionalInt n = portNumber(iface);
        return n.isPresent() && n.getAsInt() >= firstPort && n.getAsInt() < firstPort + maxPorts;
    }

    /** The name of the i-th data port, counting from zero. */
    public String dataPort(int index) {
        return pattern.replace(PLACEHOLDER, Integer.toString(firstPort + index));
    }

    /**
     * The data port an alias stands for: {@code ethernet-1/3} under alias pattern {@code ethernet-1/{n}} is port 3,
     * written with this naming's pattern ({@code e1-3}). Empty when the name already follows the pattern or no alias
     * pattern matches it.
     */
    public java.util.Optional<String> canonical(String iface, java.util.List<String> aliasPatterns) {
        if (iface == null || portNumber(iface).isPresent() || aliasPatterns == null) {
            return java.util.Optional.empty();
        }
        for (String alias : aliasPatterns) {
            if (validPattern(alias)) {
                OptionalInt n = new InterfaceNaming(alias, firstPort, maxPorts).portNumber(iface);
                if (n.isPresent()) {
                    return java.util.Optional.of(pattern.replace(PLACEHOLDER, Integer.toString(n.getAsInt())));
                }
            }
        }
        return java.util.Optional.empty();
    }

    public String describe() {
        return dataPort(0) + " .. " + dataPort(maxPorts - 1);
    }
}
