package dev.labforge.booking;

import io.swagger.v3.oas.annotations.media.Schema;
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
    record PoolRequest(
            @NotNull @Pattern(regexp = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$",
                    message = "a DNS label: lower-case letters, digits and '-', at most 63")
            @Schema(example = "classroom") String name,
            @NotNull @Positive @Max(1_000_000) @Schema(example = "64") Integer vcpus,
            @NotNull @Positive @Max(1_000_000_000) @Schema(example = "131072") Long memoryMib,
            @NotNull @Positive @Max(1_000_000) @Schema(description = "router VMs (lab nodes) running at once",
                    example = "60") Integer nodes,
            @Size(max = 20) @Schema(description = "Kubernetes node labels the VMs of the"
                    + " pool's runs are scheduled with (their spec.template.spec.nodeSelector)", example = "{\"labforge.dev/pool\":\"classroom\"}")
            Map<@Size(min = 1, max = 253) String, @NotNull @Size(max = 63) String> nodeSelector) {

        Demand capacity() {
            return new Demand(vcpus, memoryMib, nodes);
        }

        Map<String, String> selector() {
            return nodeSelector == null ? Map.of() : nodeSelector;
        }
    }

    @Schema(name = "CapacityPool")
    record PoolView(String name, long vcpus, long memoryMib, long nodes, Map<String, String> nodeSelector,
                    Instant createdAt) {

        static PoolView from(CapacityPool pool) {
            return new PoolView(pool.name(), pool.capacity().vcpus(), pool.capacity().memoryMib(),
                    pool.capacity().nodes(), pool.nodeSelector(), pool.createdAt());
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
