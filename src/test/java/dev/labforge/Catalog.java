package dev.labforge;

/** Images the tests register: a Linux-style one and one with vendor port names. */
public final class Catalog {

    /**
     * The catalog's FRR image. Tests share one catalog, and an import falls back to the first image by name of the
     * node's kind: a test registering more {@code linux} images names them {@code frr-...}, after this one.
     */
    public static final String FRR = """
            {"name":"frr","description":"FRRouting on Debian","containerDisk":"quay.io/labforge/frr-vm:10.2",
             "clabKind":"linux","defaultCpu":1,"defaultMemoryMib":1024,
             "interfaces":{"pattern":"eth{n}","firstPort":1,"maxPorts":16},
             "nicModel":"virtio","configDelivery":"NOCLOUD","readiness":{"probe":"TCP","port":22}}""";

    public static final String VEOS = """
            {"name":"veos","description":"Arista vEOS","containerDisk":"registry.example/veos:4.33",
             "clabKind":"vr-veos","defaultCpu":2,"defaultMemoryMib":2048,
             "interfaces":{"pattern":"Ethernet{n}","firstPort":1,"maxPorts":8},
             "nicModel":"e1000","configDelivery":"CONFIG_DRIVE","readiness":{"probe":"TCP","port":22}}""";

    private Catalog() {
    }

    /** Registers the test images once per database; later calls find them there. */
    public static void ensure(ApiClient admin) {
        for (String image : new String[] {FRR, VEOS}) {
            int status = admin.post("/api/v1/images", image).status();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("could not register test image: " + status);
            }
        }
    }
}
