package dev.labforge.containerlab;

import java.util.Set;

/**
 * The containerlab settings LabForge has no equivalent for. Reported, never dropped silently: a user who relied on
 * {@code binds} or {@code exec} must learn that the imported lab will not have them.
 *
 * <p>The sets come from containerlab's JSON schema (schemas/clab.schema.json), so a field outside them is one that
 * containerlab itself does not know, most often a typo such as {@code mgmt_ipv4}.
 */
final class UnmappedFields {

    static final Set<String> TOP_LEVEL = Set.of("prefix", "mgmt", "settings", "debug");

    /** The schema's node-config properties less the seven the importer maps (kind, group, image, ...). */
    static final Set<String> NODE = Set.of(
            "image-pull-policy", "restart-policy", "license", "type", "startup-delay", "enforce-startup-config",
            "suppress-startup-config", "auto-remove", "exec", "binds", "volumes", "ports", "env", "credentials",
            "env-files", "user", "hostname", "entrypoint", "cmd", "runtime", "mgmt-ipv4", "mgmt-ipv6",
            "network-mode", "link-apply-mode", "cpu-set", "extras", "config", "stages", "dns", "certificate",
            "healthcheck", "components", "aliases", "shm-size", "cap-add", "privileged", "cgroupns-mode",
            "cgroup-parent", "pid-mode", "tmpfs", "security-opts", "sysctls", "devices");

    static final Set<String> NODE_MAPPED =
            Set.of("kind", "group", "image", "startup-config", "cpu", "memory", "labels");

    /** Link properties of the brief and veth forms besides endpoints, type and mtu. */
    static final Set<String> LINK = Set.of("ipv4", "ipv6", "vars", "labels");

    static final Set<String> ENDPOINT = Set.of("mac", "ipv4", "ipv6", "vars");

    private UnmappedFields() {
    }

    static void report(String key, String pointer, Set<String> known, Warnings warnings) {
        if (known.contains(key)) {
            warnings.add(pointer, "containerlab setting '" + key + "' has no equivalent for LabForge VMs; not imported");
        } else {
            warnings.add(pointer, "unknown field '" + key + "' is not part of the containerlab topology format; ignored");
        }
    }
}
