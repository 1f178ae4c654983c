package dev.labforge.cluster.kubevirt;

/**
 * Which interface names a Linux guest can carry (the kernel's {@code dev_valid_name}): 1 to 15 bytes
 * (IFNAMSIZ 16 with the NUL), not "." or "..", no '/', ':' or whitespace. Vendor names such as
 * {@code Ethernet1/1} fail and are left to the network OS's own port mapping.
 */
final class LinuxInterfaceNames {

    private static final int MAX_LENGTH = 15;

    private LinuxInterfaceNames() {
    }

    static boolean valid(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return false;
        }
        return name.chars().noneMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c));
    }
}
