package dev.labforge.image;

/** How a router receives its startup configuration at first boot. */
public enum ConfigDelivery {
    /** cloud-init NoCloud data source: a disk labelled {@code cidata}. */
    NOCLOUD,
    /** OpenStack ConfigDrive: a disk labelled {@code config-2}, read by many network OSes. */
    CONFIG_DRIVE,
    /** The image takes no startup configuration. */
    NONE
}
