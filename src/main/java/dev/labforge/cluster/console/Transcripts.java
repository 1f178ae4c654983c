package dev.labforge.cluster.console;

import dev.labforge.lab.InheritedLabSettings;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Console transcripts in PostgreSQL: whether a lab's consoles are transcribed (its own setting, or its course's),
 * a row per session, and its events appended in batches every {@link ConsoleProperties#transcriptFlush()} by one
 * writer thread (the console's own threads only fill a buffer). Sessions ended longer ago than
 * {@link ConsoleProperties#transcriptRetention()} (by the {@link Clock}) are deleted with their chunks.
 */
@Component
class Transcripts {

    private static final Logger log = LoggerFactory.getLogger(Transcripts.class);
    /** How often transcripts past their retention are looked for. */
    private static final long PURGE_EVERY_MINUTES = 60;

    /** One session as listed. */
    record Session(UUID id, UUID lab, String node, Instant startedAt, Instant endedAt, String startedBy, long bytes,
                   boolean truncated) {
    }

    private final JdbcClient jdbc;
    private final InheritedLabSettings inherited;
    private final ConsoleProperties properties;
    private final Clock clock;
    private final Map<UUID, Transcript> open = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> nextChunk = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("console-transcripts").daemon().factory());

    Transcripts(JdbcClient jdbc, InheritedLabSettings inherited, ConsoleProperties properties,
                ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.inherited = inherited;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        long flush = properties.transcriptFlush().toMillis();
        writer.scheduleWithFixedDelay(this::flushAll, flush, flush, TimeUnit.MILLISECONDS);
        writer.scheduleWithFixedDelay(this::purgeQuietly, 1, PURGE_EVERY_MINUTES, TimeUnit.MINUTES);
    }

    /** Whether the lab's consoles are transcribed: its own setting if it has one, else its course's. */
    boolean enabledFor(UUID lab) {
        Optional<Boolean> own = ownSetting(lab);
        return own.orElseGet(() -> inherited.consoleTranscripts(lab));
    }

    Optional<Boolean> ownSetting(UUID lab) {
        return jdbc.sql("select enabled from console_transcript_settings where lab_id = ?").param(lab)
                .query(Boolean.class).optional();
    }

    boolean inherited(UUID lab) {
        return inherited.consoleTranscripts(lab);
    }

    void setOwn(UUID lab, Boolean enabled) {
        if (enabled == null) {
            jdbc.sql("delete from console_transcript_settings where lab_id = ?").param(lab).update();
            return;
        }
        jdbc.sql("insert into console_transcript_settings (lab_id, enabled, updated_at) values (?, ?, ?)"
                        + " on conflict (lab_id) do update set enabled = excluded.enabled, updated_at = excluded.updated_at")
                .params(lab, enabled, at(clock.instant())).update();
    }

    /**
     * A transcript for a serial console session starting now, if its lab's consoles are transcribed; else
     * {@link Transcript#NONE}. Never fails the console: with the database away, the session goes untranscribed.
     */
    Transcript start(ConsoleTarget target, String startedBy) {
        if (target.kind() != ConsoleKind.SERIAL) {
            return Transcript.NONE; // RFB is pixels, not a record an instructor reads
        }
        try {
            if (!enabledFor(target.lab())) {
                return Transcript.NONE;
            }
            Transcript transcript = new Transcript(UUID.randomUUID(), properties.transcriptLimit().toBytes(), clock);
            jdbc.sql("insert into console_transcripts (id, lab_id, node, started_at, started_by) values (?, ?, ?, ?, ?)")
                    .params(transcript.id(), target.lab(), target.node(), at(transcript.started()), startedBy)
                    .update();
            open.put(transcript.id(), transcript);
            return transcript;
        } catch (RuntimeException e) {
            log.warn("console {} goes untranscribed: {}", target, e.toString());
            return Transcript.NONE;
        }
    }

    /** The session ended: its last batch and its end are written by the writer thread, not the caller's. */
    void finish(Transcript transcript) {
        if (transcript == Transcript.NONE || open.remove(transcript.id()) == null) {
            return;
        }
        Instant ended = clock.instant();
        try {
            writer.execute(() -> end(transcript, ended));
        } catch (java.util.concurrent.RejectedExecutionException stopping) { // the last batch is lost, not the close
            log.warn("transcript {} not ended: the service is stopping", transcript.id());
        }
    }

    private void end(Transcript transcript, Instant ended) {
        try {
            write(transcript);
            jdbc.sql("update console_transcripts set ended_at = ? where id = ?").params(at(ended), transcript.id())
                    .update();
        } catch (RuntimeException e) {
            log.warn("could not end transcript {}: {}", transcript.id(), e.toString());
        } finally {
            nextChunk.remove(transcript.id());
        }
    }

    /** Writes what every open transcript recorded since the last batch: one row each at most. */
    void flushAll() {
        for (Transcript transcript : open.values()) {
            try {
                write(transcript);
            } catch (RuntimeException e) { // the database away for a moment: the batch is lost, the session goes on
                log.warn("could not append to transcript {}: {}", transcript.id(), e.toString());
            }
        }
    }

    private void write(Transcript transcript) {
        Transcript.Batch batch = transcript.take();
        if (batch.isEmpty()) {
            return;
        }
        if (!batch.events().isEmpty()) {
            int seq = nextChunk.merge(transcript.id(), 1, Integer::sum) - 1;
            jdbc.sql("insert into console_transcript_chunks (transcript_id, seq, events) values (?, ?, ?)")
                    .params(transcript.id(), seq, batch.events()).update();
        }
        jdbc.sql("update console_transcripts set bytes = bytes + ?, truncated = truncated or ? where id = ?")
                .params(batch.bytes(), batch.cut(), transcript.id()).update();
    }

    /** Waits until everything handed to the writer so far is written (tests, and a stopping service). */
    void drain() {
        try {
            writer.submit(this::flushAll).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("transcripts not written", e);
        }
    }

    List<Session> sessions(UUID lab, String node) {
        return jdbc.sql("select id, lab_id, node, started_at, ended_at, started_by, bytes, truncated"
                        + " from console_transcripts where lab_id = ? and (cast(? as text) is null or node = ?)"
                        + " order by started_at desc, id")
                .params(lab, node, node)
                .query((rs, i) -> new Session(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(5, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                                .orElse(null), rs.getString(6), rs.getLong(7), rs.getBoolean(8)))
                .list();
    }

    Optional<Session> session(UUID lab, UUID id) {
        return sessions(lab, null).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The session's events in order, as asciicast v2 event lines. */
    String events(UUID id) {
        return String.join("", jdbc.sql("select events from console_transcript_chunks where transcript_id = ?"
                + " order by seq").param(id).query(String.class).list());
    }

    /** Deletes the sessions that ended before {@code now} minus the retention; returns how many. */
    int purge(Instant now) {
        return jdbc.sql("delete from console_transcripts where coalesce(ended_at, started_at) < ?")
                .param(at(now.minus(properties.transcriptRetention()))).update();
    }

    private void purgeQuietly() {
        try {
            int purged = purge(clock.instant());
            if (purged > 0) {
                log.info("deleted {} console transcripts past their retention", purged);
            }
        } catch (RuntimeException e) {
            log.warn("console transcript purge failed: {}", e.toString());
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @PreDestroy
    void close() {
        writer.execute(this::flushAll);
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
