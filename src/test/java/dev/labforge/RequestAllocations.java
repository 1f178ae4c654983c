package dev.labforge;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Counts the bytes one HTTP request allocates while the service handles it, and only that request's: a request sent
 * with the header {@link #HEADER} is handled on a platform thread of its own (the JVM counts allocations per platform
 * thread, not per virtual thread), and what that thread allocated is recorded under the header's value. A measure of
 * the work a page does that does not depend on the machine's load, unlike its time. Not for use with
 * {@link RoundTrips}' header on the same request: that one follows the request's first thread.
 */
public final class RequestAllocations {

    public static final String HEADER = "X-Test-Allocations";

    private static final Map<String, Long> RECORDED = new ConcurrentHashMap<>();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RequestAllocations() {
    }

    /** The bytes the request sent with {@code probe} in {@link #HEADER} allocated; -1 if there was none. */
    public static long of(String probe) {
        return RECORDED.getOrDefault(probe, -1L);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        FilterRegistrationBean<Filter> allocationProbe() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                String probe = ((HttpServletRequest) request).getHeader(HEADER);
                if (probe == null) {
                    chain.doFilter(request, response);
                    return;
                }
                // the request's own thread waits: the servlet objects are used by one thread at a time
                FutureTask<Long> handled = new FutureTask<>(() -> {
                    long before = THREADS.getCurrentThreadAllocatedBytes();
                    chain.doFilter(request, response);
                    return THREADS.getCurrentThreadAllocatedBytes() - before;
                });
                Thread.ofPlatform().name("allocation-probe").start(handled);
                try {
                    RECORDED.put(probe, handled.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ServletException(e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new ServletException(e.getCause());
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
