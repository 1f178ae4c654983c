/**
 * The service's virtual threads, counted per pool: HTTP requests and WebSocket frames ({@code http}, Tomcat's
 * request executor replaced by {@link dev.labforge.threads.HttpThreads}) and the consoles' sender tasks
 * ({@code console}) start theirs through a {@link dev.labforge.threads.CountingThreadFactory}, so the service
 * knows how many run now ({@code labforge_virtual_threads_live{pool}}) without a thread dump or JFR, which see
 * virtual threads only from outside (a dump crashed Temurin 25.0.3; JFR's events missed threads under load).
 *
 * <p>Depends on no feature: features take their factories from {@link dev.labforge.threads.VirtualThreads}.
 */
package dev.labforge.threads;
