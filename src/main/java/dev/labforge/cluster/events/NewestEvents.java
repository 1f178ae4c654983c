package dev.labforge.cluster.events;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The newest event id of each lab, looked up once for every open event stream: a stream reads its lab's log only
 * when this says there is something new. With a query per stream and poll, a classroom of 500 students watching
 * their labs cost 2,000 queries a second; this costs one per {@link #REFRESH}, whatever the number of streams.
 *
 * <p>Ids are taken from one sequence for all labs, so an event of one lab can commit after an event of another with a
 * higher id was seen: each look goes back {@link #LOOKBACK} ids before the highest seen. Within one lab ids commit in
 * order ({@link LabEvents}), so a stream that reads everything after what it sent never loses a late event.
 */
@Component
class NewestEvents {

    static final Duration REFRESH = Duration.ofMillis(200);
    private static final long LOOKBACK = 10_000;

    private final JdbcClient jdbc;
    private final Map<UUID, Long> newest = new ConcurrentHashMap<>();
    private long highest = -1;
    private long lookedAt;

    NewestEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the lab may have an event with an id above {@code after}, as of at most {@link #REFRESH} ago. */
    boolean anyAfter(UUID lab, long after) {
        refresh();
        return newest.getOrDefault(lab, -1L) > after;
    }

    /** The lab's newest event id, as of at most {@link #REFRESH} ago; -1 when none was seen. */
    long newest(UUID lab) {
        refresh();
        return newest.getOrDefault(lab, -1L);
    }

    private synchronized void refresh() {
        long now = System.nanoTime();
        if (highest >= 0 && now - lookedAt < REFRESH.toNanos()) {
            return;
        }
        lookedAt = now;
        if (highest < 0) {
            highest = jdbc.sql("select coalesce(max(id), 0) from lab_events").query(Long.class).single();
        }
        jdbc.sql("select lab_id, max(id) from lab_events where id > ? group by lab_id")
                .param(Math.max(0, highest - LOOKBACK)).query(rs -> {
                    long id = rs.getLong(2);
                    newest.merge(rs.getObject(1, UUID.class), id, Math::max);
                    highest = Math.max(highest, id);
                });
    }
}
