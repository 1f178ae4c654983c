package dev.labforge.image;

import dev.labforge.topology.ImageLookup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The read side of the catalog for other modules. Every lab write consults it, so it keeps the
 * (small) catalog in memory: changes made here are seen at once, changes made by another replica
 * within {@link #TTL}.
 */
@Component
public class ImageCatalog {

    private static final Duration TTL = Duration.ofSeconds(5);

    private record Snapshot(Map<String, RouterImage> byName, List<RouterImage> ordered, long loadedAtNanos) {
    }

    private final RouterImageRepository repository;
    private volatile Snapshot snapshot;

    ImageCatalog(RouterImageRepository repository) {
        this.repository = repository;
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

    void invalidate() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAtNanos() > TTL.toNanos()) {
            List<RouterImage> ordered = repository.findAllByOrderByName();
            s = new Snapshot(ordered.stream().collect(Collectors.toUnmodifiableMap(RouterImage::name,
                    Function.identity())), List.copyOf(ordered), System.nanoTime());
            snapshot = s;
        }
        return s;
    }
}
