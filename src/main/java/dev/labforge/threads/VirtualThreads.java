package dev.labforge.threads;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The service's pools of virtual threads, by name, each a {@link CountingThreadFactory} whose threads are named after
 * it ({@code console-12}) and shown as {@code labforge_virtual_threads_live{pool}} (running a task now) and
 * {@code labforge_virtual_threads_started_total{pool}}. A pool is only a name and a count: each virtual thread runs
 * one task and ends, nothing is reused.
 */
@Component
public class VirtualThreads {

    /**
     * Tomcat's request and WebSocket frame handling ({@link HttpThreads}); stays at zero with
     * {@code spring.threads.virtual.enabled} off, when Tomcat's own pool of platform threads does it.
     */
    public static final String HTTP = "http";
    /** The consoles' sender tasks: one runs only while a viewer has output waiting. */
    public static final String CONSOLE = "console";

    private final MeterRegistry registry;
    private final Map<String, CountingThreadFactory> pools = new ConcurrentHashMap<>();

    public VirtualThreads(MeterRegistry registry) {
        this.registry = registry;
        pool(HTTP);
        pool(CONSOLE);
    }

    /** The pool of this name, made and shown on first use. */
    public CountingThreadFactory pool(String name) {
        return pools.computeIfAbsent(name, this::create);
    }

    private CountingThreadFactory create(String name) {
        CountingThreadFactory pool = new CountingThreadFactory(Thread.ofVirtual().name(name + "-", 1).factory());
        Gauge.builder("labforge.virtual.threads.live", pool, CountingThreadFactory::live).strongReference(true)
                .description("Virtual threads of this pool running their task now").tag("pool", name)
                .register(registry);
        FunctionCounter.builder("labforge.virtual.threads.started", pool, CountingThreadFactory::started)
                .description("Virtual threads of this pool that have begun their task").tag("pool", name)
                .register(registry);
        return pool;
    }
}
