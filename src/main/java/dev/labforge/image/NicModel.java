package dev.labforge.image;

import com.fasterxml.jackson.annotation.JsonValue;

/** The emulated NIC model; KubeVirt's {@code interfaces[].model} values. Some NOSes need e1000. */
public enum NicModel {
    VIRTIO("virtio"), E1000("e1000"), E1000E("e1000e"), IGB("igb"), RTL8139("rtl8139"), PCNET("pcnet"),
    NE2K_PCI("ne2k_pci");

    private final String kubevirtName;

    NicModel(String kubevirtName) {
        this.kubevirtName = kubevirtName;
    }

    @JsonValue
    public String kubevirtName() {
        return kubevirtName;
    }
}
