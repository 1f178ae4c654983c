package dev.labforge.quota;

/** Resources an owner holds, or asks for. */
public record Usage(long labs, long runningNodes, long vcpus, long memoryMib) {

    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public static Usage oneLab() {
        return new Usage(1, 0, 0, 0);
    }

    public static Usage nodes(long count, long vcpus, long memoryMib) {
        return new Usage(0, count, vcpus, memoryMib);
    }

    public Usage plus(Usage other) {
        return new Usage(labs + other.labs, runningNodes + other.runningNodes, vcpus + other.vcpus,
                memoryMib + other.memoryMib);
    }

    public Usage minus(Usage other) {
        return new Usage(labs - other.labs, runningNodes - other.runningNodes, vcpus - other.vcpus,
                memoryMib - other.memoryMib);
    }
}
