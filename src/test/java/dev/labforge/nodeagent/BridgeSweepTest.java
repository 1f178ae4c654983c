package dev.labforge.nodeagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.MovableClock;
import dev.labforge.nodeagent.BridgeSweep.Decision;
import dev.labforge.nodeagent.BridgeSweep.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BridgeSweepTest {

    private static final Duration GRACE = Duration.ofMinutes(5);

    @ParameterizedTest(name = "{0} with {1} port(s), referenced {2}: {3}")
    @CsvSource({
            // only names LabForge gives: lfb and 1 to 12 base36 digits
            "cni0,         0, false, NOT_LABFORGE",
            "br-trunk,     0, false, NOT_LABFORGE",
            "docker0,      0, false, NOT_LABFORGE",
            "lfb,          0, false, NOT_LABFORGE",
            "lfbA1,        0, false, NOT_LABFORGE",
            "lfb-1,        0, false, NOT_LABFORGE",
            "xlfb1,        0, false, NOT_LABFORGE",
            "lfb0123456789abc, 0, false, NOT_LABFORGE",
            "lfb0123456789ab,  0, false, ORPHAN",
            "lfb1,         0, true,  REFERENCED",
            "lfb1,         2, true,  REFERENCED",
            "lfbzz,        1, false, IN_USE",
            "lfb0123456789,0, false, ORPHAN",
            "lfb1,         0, false, ORPHAN"})
    void judgesEachBridgeOnceTheGracePeriodHasPassed(String name, int ports, boolean referenced, Verdict verdict) {
        MovableClock clock = new MovableClock();
        clock.set(Instant.parse("2026-12-06T00:00:00Z"));
        BridgeSweep sweep = new BridgeSweep(GRACE, clock);
        Set<String> nads = referenced ? Set.of(name) : Set.of();
        List<HostBridge> host = List.of(new HostBridge(name, ports));
        sweep.decide(nads, host);
        clock.advance(GRACE);
        assertThat(sweep.decide(nads, host)).containsExactly(new Decision(name, verdict));
    }

    @Test
    void anOrphanWaitsOutTheGracePeriodAndABreakStartsItOver() {
        MovableClock clock = new MovableClock();
        clock.set(Instant.parse("2026-12-06T00:00:00Z"));
        BridgeSweep sweep = new BridgeSweep(GRACE, clock);
        List<HostBridge> idle = List.of(new HostBridge("lfb7", 0));

        assertThat(sweep.decide(Set.of(), idle)).containsExactly(new Decision("lfb7", Verdict.WAITING));
        clock.advance(GRACE.minusSeconds(1));
        assertThat(sweep.decide(Set.of(), idle)).containsExactly(new Decision("lfb7", Verdict.WAITING));
        // its NAD shows up (a list that lagged behind a deploy): the orphan clock starts over
        assertThat(sweep.decide(Set.of("lfb7"), idle)).containsExactly(new Decision("lfb7", Verdict.REFERENCED));
        clock.advance(Duration.ofSeconds(2));
        assertThat(sweep.decide(Set.of(), idle)).containsExactly(new Decision("lfb7", Verdict.WAITING));
        // a pod attached meanwhile: in use, and the clock starts over again
        assertThat(sweep.decide(Set.of(), List.of(new HostBridge("lfb7", 1))))
                .containsExactly(new Decision("lfb7", Verdict.IN_USE));
        clock.advance(GRACE);
        assertThat(sweep.decide(Set.of(), idle)).containsExactly(new Decision("lfb7", Verdict.WAITING));
        clock.advance(GRACE);
        assertThat(sweep.decide(Set.of(), idle)).containsExactly(new Decision("lfb7", Verdict.ORPHAN));
    }
}
