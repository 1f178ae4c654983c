package dev.labforge.image;

/** How LabForge tells that a booted router is usable, not just running. */
public enum ReadinessProbe {
    /** Ready once a TCP port (SSH, NETCONF, gNMI ...) accepts connections. */
    TCP,
    /** Ready as soon as the VM runs. */
    NONE
}
