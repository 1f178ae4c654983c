package dev.labforge.cluster.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The shared look at the event log that open streams consult before reading their lab's log. */
class NewestEventsTest extends IntegrationTest {

    @Autowired
    NewestEvents newest;
    @Autowired
    LabEvents events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aStreamIsToldOfNewEventsOfItsLabOnlyAndWithinARefresh() throws InterruptedException {
        UUID lab = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        assertThat(newest.anyAfter(lab, 0)).isFalse();

        events.append(lab, "Requested", null, "start");
        long first = lastId(lab);
        Thread.sleep(NewestEvents.REFRESH.toMillis() + 50);
        assertThat(newest.anyAfter(lab, 0)).isTrue();
        assertThat(newest.anyAfter(lab, first)).isFalse();
        assertThat(newest.anyAfter(other, 0)).isFalse();

        events.append(other, "Requested", null, "start");
        events.append(lab, "LabStateChanged", null, "DEFINED -> DEPLOYING (0/1 ready)");
        Thread.sleep(NewestEvents.REFRESH.toMillis() + 50);
        assertThat(newest.anyAfter(lab, first)).isTrue();
        assertThat(newest.anyAfter(lab, lastId(lab))).isFalse();
        assertThat(newest.anyAfter(other, 0)).isTrue();
    }

    @Test
    void anEventThatCommitsAfterAHigherOneIsStillSeen() throws InterruptedException {
        UUID lab = UUID.randomUUID();
        // an id taken before a higher one was seen, committed after it: as a slow transaction leaves it
        long early = jdbc.sql("select nextval('lab_events_id_seq')").query(Long.class).single();
        events.append(UUID.randomUUID(), "Requested", null, "start");
        Thread.sleep(NewestEvents.REFRESH.toMillis() + 50);
        newest.anyAfter(lab, 0);
        jdbc.sql("insert into lab_events (id, lab_id, at, kind, message) values (?, ?, now(), 'Requested', 'x')")
                .params(early, lab).update();
        Thread.sleep(NewestEvents.REFRESH.toMillis() + 50);

        assertThat(newest.anyAfter(lab, 0)).isTrue();
    }

    private long lastId(UUID lab) {
        return jdbc.sql("select max(id) from lab_events where lab_id = ?").param(lab).query(Long.class).single();
    }
}
