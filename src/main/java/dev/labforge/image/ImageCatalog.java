package dev.labforge.image;

import dev.labforge.topology.ImageLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The read side of the catalog for other modules. Every lab write consults it, so it keeps the
 * (small) catalog in memory: changes made here are seen as soon as they commit, changes made by another replica
 * within {@link #TTL}.
 *
 * <p>A change drops the copy twice: at once, and again when its transaction has ended. A read between the two
 * (another request's, before the commit) loads the old rows and could otherwise keep them for the whole TTL; a
 * rolled-back change's rows, read inside its own transaction, must not outlive it either. A copy is good only
 * while no drop has come since its load began, so a load that a drop overtook serves its own reader and no other.
 */
@Component
public class ImageCatalog {

    private static final Duration TTL = Duration.ofSeconds(5);

    /** The rows as loaded at {@code loadedAt}, good while no change has been made since {@code drops} were. */
    private record Snapshot(Map<String, RouterImage> byName, List<RouterImage> ordered, Instant loadedAt,
                            long drops) {
    }

    private final RouterImageRepository repository;
    private final Clock clock;
    private final AtomicLong drops = new AtomicLong();
    private volatile Snapshot snapshot;

    ImageCatalog(RouterImageRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Optional<RouterImage> find(String name) {
        return Optional.ofNullable(name == null ? null : current().byName().get(name));
    }

    public List<RouterImage> all() {
        return current().ordered();
    }

    /** The catalog as the topology rules see it. */
    public ImageLookup lookup() {
        Map<String, RouterImage> images = current().byName();
        return name -> Optional.ofNullable(name == null ? null : images.get(name)).map(RouterImage::profile);
    }

    /** The catalog changed in the current transaction, if there is one: forget it now and when that ends. */
    void invalidate() {
        drop();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop();
                }
            });
        }
    }

    private void drop() {
        drops.incrementAndGet();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        long dropped = drops.get();
        if (s == null || s.drops() != dropped || now.isAfter(s.loadedAt().plus(TTL)) || now.isBefore(s.loadedAt())) {
            List<RouterImage> ordered = repository.findAllByOrderByName();
            s = new Snapshot(ordered.stream().collect(Collectors.toUnmodifiableMap(RouterImage::name,
                    Function.identity())), List.copyOf(ordered), now, dropped);
            snapshot = s; // a drop during the load leaves it with an old count: the next read loads again
        }
        return s;
    }
}
