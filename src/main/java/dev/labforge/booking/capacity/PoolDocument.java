package dev.labforge.booking.capacity;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/** The capacity pool documents of the API. */
final class PoolDocument {

    private PoolDocument() {
    }

    @Schema(name = "CapacityPoolRequest")
    @SizedUnlessDerived
    record PoolRequest(
            @NotNull @Pattern(regexp = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$",
                    message = "a DNS label: lower-case letters, digits and '-', at most 63")
            @Schema(example = "classroom") String name,
            @Positive @Max(1_000_000) @Schema(description = "required unless derived", example = "64")
            Integer vcpus,
            @Positive @Max(1_000_000_000) @Schema(description = "required unless derived", example = "131072")
            Long memoryMib,
            @Positive @Max(1_000_000) @Schema(description = "router VMs (lab nodes) running at once; required"
                    + " unless derived", example = "60") Integer nodes,
            @Size(max = 20) @Schema(description = "Kubernetes node labels the VMs of the"
                    + " pool's runs are scheduled with (their spec.template.spec.nodeSelector)", example = "{\"labforge.dev/pool\":\"classroom\"}")
            Map<@Size(min = 1, max = 253) String, @NotNull @Size(max = 63) String> nodeSelector,
            @Schema(description = "take vCPUs, memory and router VMs from the allocatable resources (cpu, memory,"
                    + " pods) of the Kubernetes Nodes the node selector matches, following them as Nodes change;"
                    + " leave vcpus, memoryMib and nodes out") Boolean derived,
            @DecimalMin("1") @DecimalMax("100") @Schema(description = "derived pools: vCPUs per allocatable CPU"
                    + " core; default 1", example = "2") Double cpuOvercommit) {

        boolean isDerived() {
            return Boolean.TRUE.equals(derived);
        }

        double overcommit() {
            return cpuOvercommit == null ? 1 : cpuOvercommit;
        }

        /** The declared capacity; a derived pool's comes from its Nodes instead. */
        Demand capacity() {
            return new Demand(vcpus, memoryMib, nodes);
        }

        Map<String, String> selector() {
            return nodeSelector == null ? Map.of() : nodeSelector;
        }
    }

    @Schema(name = "CapacityPool")
    record PoolView(String name, long vcpus, long memoryMib, long nodes, Map<String, String> nodeSelector,
                    Instant createdAt,
                    @Schema(description = "capacity follows the allocatable resources of the matching Nodes")
                    boolean derived,
                    @Schema(description = "derived pools: vCPUs per allocatable core") Double cpuOvercommit,
                    @Schema(description = "from now on, where reservations made before add up to more than the"
                            + " pool holds now (a derived pool whose Nodes went away): kept, not dropped, until an"
                            + " admin adds capacity or moves them") java.util.List<OverbookedView> overbooked) {

        static PoolView from(CapacityPool pool, java.util.List<CapacityLedger.Overbooked> overbooked) {
            return new PoolView(pool.name(), pool.capacity().vcpus(), pool.capacity().memoryMib(),
                    pool.capacity().nodes(), pool.nodeSelector(), pool.createdAt(), pool.derived(),
                    pool.derived() ? pool.cpuOvercommit() : null,
                    overbooked.stream().map(OverbookedView::from).toList());
        }
    }

    @Schema(name = "CapacityOverbooked")
    record OverbookedView(Instant start, Instant end, String resource, long reserved, long capacity) {

        static OverbookedView from(CapacityLedger.Overbooked overbooked) {
            return new OverbookedView(overbooked.start(), overbooked.end(), overbooked.resource().field(),
                    overbooked.reserved(), overbooked.capacity());
        }
    }

    @Schema(name = "CapacityLoad", description = "what is reserved from a pool, in segments of constant load")
    record LoadView(String pool, Demand capacity, java.util.List<SegmentView> segments) {
    }

    @Schema(name = "CapacitySegment")
    record SegmentView(Instant start, Instant end, long vcpus, long memoryMib, long nodes) {

        static SegmentView from(CapacityLedger.Segment segment) {
            return new SegmentView(segment.start(), segment.end(), segment.used().vcpus(),
                    segment.used().memoryMib(), segment.used().nodes());
        }
    }
}
