package dev.labforge.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A scrape's gauges are served from one reading; a later scrape reads again. */
class RuntimeCountsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();
    private final RuntimeCounts counts = new RuntimeCounts(() -> {
        RuntimeCounts.Builder snapshot = new RuntimeCounts.Builder();
        snapshot.row("lab", "RUNNING", reads.incrementAndGet(), 0, 0);
        return snapshot.build();
    }, new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    private void later(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Test
    void readsOnceWhileFreshAndAgainAfter() {
        assertThat(counts.now().labs(LabState.RUNNING)).isEqualTo(1);
        later(RuntimeCounts.FRESH_FOR.minusMillis(1));
        assertThat(counts.now().labs(LabState.RUNNING)).isEqualTo(1);
        assertThat(reads).hasValue(1);

        later(Duration.ofMillis(1));
        assertThat(counts.now().labs(LabState.RUNNING)).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aClockSetBackReadsAgainInsteadOfServingAnOldReadingForLong() {
        counts.now();
        later(Duration.ofHours(-1));
        counts.now();
        assertThat(reads).hasValue(2);
    }

    @Test
    void statesThisCodeDoesNotKnowAreLeftOutAndMissingOnesAreZero() {
        RuntimeCounts.Builder snapshot = new RuntimeCounts.Builder();
        snapshot.row("lab", "RUNNING", 2, 0, 0);
        snapshot.row("lab", "HIBERNATING", 5, 0, 0); // a state a newer replica wrote
        snapshot.row("node", "READY", 12, 0, 0);
        snapshot.row("committed", "", 12, 24, 6144);
        RuntimeCounts.Snapshot built = snapshot.build();

        assertThat(built.labs()).containsOnlyKeys(LabState.RUNNING);
        assertThat(built.labs(LabState.FAILED)).isZero();
        assertThat(built.nodes(NodeState.READY)).isEqualTo(12);
        assertThat(built.committedVcpus()).isEqualTo(24);
        assertThat(built.committedMemoryMib()).isEqualTo(6144);
    }
}
