package dev.labforge.threads;

import java.util.concurrent.Executor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat runs requests and WebSocket frames on the {@link VirtualThreads#HTTP} pool. With
 * {@code spring.threads.virtual.enabled} Spring Boot's own customizer (order 1) adds a protocol handler customizer
 * that sets a Tomcat {@code VirtualThreadExecutor}; this one is ordered after it, so its executor is set last and is
 * the one Tomcat uses. (A {@code TomcatProtocolHandlerCustomizer} bean would not do: the factory takes those when it
 * is made, before any factory customizer, so Boot's executor would replace it.)
 */
@Component
@ConditionalOnThreading(Threading.VIRTUAL)
class HttpThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final Executor executor;

    HttpThreads(VirtualThreads threads) {
        CountingThreadFactory pool = threads.pool(VirtualThreads.HTTP);
        // a thread per task, as Tomcat's VirtualThreadExecutor does; never shut down by Tomcat (set from outside)
        this.executor = task -> pool.newThread(task).start();
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addProtocolHandlerCustomizers(protocol -> protocol.setExecutor(executor));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The executor Tomcat is given: for a test to find it in the running connector. */
    Executor executor() {
        return executor;
    }
}
