package dev.labforge.booking.capacity;

import java.util.List;

/** What a run takes from a pool: vCPUs, memory and router VMs. */
public record Demand(long vcpus, long memoryMib, long nodes) {

    public static final Demand NONE = new Demand(0, 0, 0);

    /** The pool's three resources, in the order a refusal names the first one short. */
    public enum Resource {
        VCPUS("vcpus", "vCPUs"), MEMORY_MIB("memoryMib", "MiB of memory"), NODES("nodes", "router VMs");

        private final String field;
        private final String words;

        Resource(String field, String words) {
            this.field = field;
            this.words = words;
        }

        /** The name in the API (a field of pools and of problems). */
        String field() {
            return field;
        }

        public String words() {
            return words;
        }
    }

    Demand plus(Demand other) {
        return new Demand(vcpus + other.vcpus, memoryMib + other.memoryMib, nodes + other.nodes);
    }

    /** What {@code next} takes beyond this, per resource (none where it takes less). */
    Demand growthTo(Demand next) {
        return new Demand(Math.max(0, next.vcpus - vcpus), Math.max(0, next.memoryMib - memoryMib),
                Math.max(0, next.nodes - nodes));
    }

    /**
     * This, with one share of it changed from {@code was} to {@code is}: a class's reservation when one student's
     * lab changes size. Never below nothing in any resource.
     */
    Demand withShare(Demand was, Demand is) {
        return new Demand(Math.max(0, vcpus - was.vcpus + is.vcpus), Math.max(0, memoryMib - was.memoryMib
                + is.memoryMib), Math.max(0, nodes - was.nodes + is.nodes));
    }

    /** {@code n} runs of this. */
    public Demand times(long n) {
        return new Demand(vcpus * n, memoryMib * n, nodes * n);
    }

    public long of(Resource resource) {
        return switch (resource) {
            case VCPUS -> vcpus;
            case MEMORY_MIB -> memoryMib;
            case NODES -> nodes;
        };
    }

    /**
     * Whether {@code this} on top of {@code used} stays within {@code capacity}: {@link #shortIn} is empty. Without
     * allocating, for the free-slot read, which asks it for every segment of 14 days.
     */
    public boolean fitsOn(Demand used, Demand capacity) {
        return fits(vcpus, used.vcpus, capacity.vcpus) && fits(memoryMib, used.memoryMib, capacity.memoryMib)
                && fits(nodes, used.nodes, capacity.nodes);
    }

    private static boolean fits(long wanted, long used, long capacity) {
        return wanted <= 0 || used + wanted <= capacity;
    }

    /** The first resource for which {@code this} on top of {@code used} passes {@code capacity}, if any. */
    public List<Resource> shortIn(Demand used, Demand capacity) {
        return java.util.Arrays.stream(Resource.values())
                .filter(r -> of(r) > 0 && used.of(r) + of(r) > capacity.of(r)).toList();
    }
}
